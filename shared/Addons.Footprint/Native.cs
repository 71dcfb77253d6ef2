using System.Runtime.InteropServices;

namespace Addons.Footprint;

/// <summary>The one libc call .NET does not expose: sending a signal other than SIGKILL.</summary>
internal static partial class Native
{
    /// <summary>SIGTERM on Linux.</summary>
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; throws if it could not be sent.</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}

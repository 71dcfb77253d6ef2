using System.Text;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Usage;

/// <summary>
/// <see cref="IUsageProbe"/> over libc <c>statvfs</c>: total = blocks × frsize, available =
/// bavail × frsize.
/// </summary>
/// <remarks>Assumes the 64-bit glibc <c>struct statvfs</c> layout (the same on x86-64 and arm64).</remarks>
internal sealed class StatvfsUsageProbe : IUsageProbe
{
    private const int StructSize = 112;
    private const int FrSizeOffset = 8;
    private const int BlocksOffset = 16;
    private const int BAvailOffset = 32;

    public unsafe DiskUsage Measure(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        var buffer = stackalloc byte[StructSize + 16];
        fixed (byte* pathPointer = bytes)
        {
            if (Libc.StatVfs(pathPointer, buffer) != 0)
            {
                throw new UsageProbeException(path, Libc.Describe(System.Runtime.InteropServices.Marshal.GetLastPInvokeError()));
            }
        }

        var frSize = *(ulong*)(buffer + FrSizeOffset);
        var blocks = *(ulong*)(buffer + BlocksOffset);
        var available = *(ulong*)(buffer + BAvailOffset);
        return new DiskUsage(blocks * frSize, available * frSize);
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Tests.TestSupport;

/// <summary>
/// A chain of <c>levels</c> nested directories named <c>d</c> with a file <c>f</c> at the bottom, built
/// with <c>mkdirat</c>/<c>openat</c> because its paths are far beyond PATH_MAX; removed with GNU
/// <c>rm -rf</c> (which walks by descriptor too).
/// </summary>
internal sealed partial class DeepTree : IDisposable
{
    public DeepTree(int levels, DateTime bottomFileModifiedUtc)
    {
        // tmpfs when there is one: a deep chain is 100,000 directory inodes.
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Root = Path.Combine(parent, "cleaner-tests", "deep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Levels = levels;
        var fd = Open(-100, Root, Libc.OpenDirectoryFollow);
        Check(fd, "open root");
        for (var level = 0; level < levels; level++)
        {
            Check(MkdirAt(fd, "d", 0x1ED), "mkdirat");
            var child = Open(fd, "d", Libc.OpenDirectoryNoFollow);
            Check(child, "openat");
            _ = Close(fd);
            fd = child;
        }

        var file = Open(fd, "f", 0x41 | 0x80000, 0x1A4); // O_WRONLY | O_CREAT | O_CLOEXEC
        Check(file, "create f");
        _ = Close(file);
        var seconds = new DateTimeOffset(bottomFileModifiedUtc).ToUnixTimeSeconds();
        var times = new long[] { seconds, 0, seconds, 0 };
        Check(UtimensAt(fd, "f", times, 0), "utimensat");
        _ = Close(fd);
    }

    public string Root { get; }

    public int Levels { get; }

    /// <summary>Relative path of the bottom file.</summary>
    public string BottomFile => string.Concat(Enumerable.Repeat("d/", Levels)) + "f";

    /// <summary>How many levels of <c>d</c> are left below the root (0 when the chain is gone).</summary>
    public int RemainingLevels()
    {
        var fd = Open(-100, Root, Libc.OpenDirectoryFollow);
        var count = 0;
        while (true)
        {
            var child = Open(fd, "d", Libc.OpenDirectoryNoFollow);
            _ = Close(fd);
            if (child < 0)
            {
                return count;
            }

            fd = child;
            count++;
        }
    }

    public void Dispose()
    {
        using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", Root]) { UseShellExecute = false })!;
        rm.WaitForExit();
    }

    private static void Check(int result, string what)
    {
        if (result < 0)
        {
            throw new IOException($"{what} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(int dirFd, string path, int flags, int mode = 0);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkdirAt(int dirFd, string path, int mode);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UtimensAt(int dirFd, string path, long[] times, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}

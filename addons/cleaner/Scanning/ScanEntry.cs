using System.Text;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// A regular file the walk found, valid only during the visitor call: it points into the walker's
/// buffers so that nothing is allocated per file.
/// </summary>
internal readonly unsafe ref struct ScanEntry
{
    private readonly string _root;
    private readonly int _directoryFd;
    private readonly byte* _name;

    public ScanEntry(string root, ReadOnlySpan<byte> relativePath, int directoryFd, byte* name, long size, long modifiedUnixMilliseconds)
    {
        _root = root;
        RelativePathBytes = relativePath;
        _directoryFd = directoryFd;
        _name = name;
        Size = size;
        ModifiedUnixMilliseconds = modifiedUnixMilliseconds;
    }

    /// <summary>Path relative to the target root, <c>/</c>-separated, UTF-8.</summary>
    public ReadOnlySpan<byte> RelativePathBytes { get; }

    public long Size { get; }

    public long ModifiedUnixMilliseconds { get; }

    public string RelativePath => Encoding.UTF8.GetString(RelativePathBytes);

    /// <summary>The full path, for logs (allocates).</summary>
    public string FullPath => ScanPaths.Join(_root, RelativePathBytes);

    /// <summary>
    /// Deletes the file through its directory's descriptor, so a directory swapped for a symlink
    /// meanwhile cannot redirect the deletion outside the target. Returns 0 or an errno.
    /// </summary>
    public int Delete() => Libc.UnlinkAt(_directoryFd, _name, 0) == 0 ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
}

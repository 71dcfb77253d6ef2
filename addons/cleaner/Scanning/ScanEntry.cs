using System.Text;

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

    public ScanEntry(string root, ReadOnlySpan<byte> relativePath, int directoryFd, byte* name, FileIdentity identity)
    {
        _root = root;
        RelativePathBytes = relativePath;
        _directoryFd = directoryFd;
        _name = name;
        Identity = identity;
    }

    /// <summary>Path relative to the target root, <c>/</c>-separated, UTF-8.</summary>
    public ReadOnlySpan<byte> RelativePathBytes { get; }

    /// <summary>Inode, size, mtime and ctime as the walk saw them.</summary>
    public FileIdentity Identity { get; }

    public long Size => Identity.Size;

    public long ModifiedUnixMilliseconds => Identity.ModifiedUnixMilliseconds;

    public string RelativePath => Encoding.UTF8.GetString(RelativePathBytes);

    /// <summary>The full path, for logs (allocates).</summary>
    public string FullPath => ScanPaths.Join(_root, RelativePathBytes);

    /// <summary>
    /// Deletes the file through its directory's descriptor — so a directory swapped for a symlink
    /// meanwhile cannot redirect the deletion outside the target — and only if it is still the file
    /// that was scanned (<see cref="Deletion"/>). Returns 0, <see cref="Deletion.Changed"/> or an errno.
    /// </summary>
    public int Delete() => Deletion.UnlinkIfUnchanged(_directoryFd, _name, Identity);
}

using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>A directory in which the walk deleted something, offered for removal.</summary>
internal readonly unsafe ref struct EmptiedDirectory
{
    private readonly int _parentFd;
    private readonly byte* _name;

    public EmptiedDirectory(ReadOnlySpan<byte> relativePath, int parentFd, byte* name)
    {
        RelativePath = relativePath;
        _parentFd = parentFd;
        _name = name;
    }

    public ReadOnlySpan<byte> RelativePath { get; }

    /// <summary>
    /// Removes the directory if it is empty, through its parent's descriptor. Returns 0, or an errno
    /// (<see cref="Libc.ENOTEMPTY"/> when something is still inside).
    /// </summary>
    public int RemoveIfEmpty() => Libc.UnlinkAt(_parentFd, _name, Libc.AT_REMOVEDIR) == 0 ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
}

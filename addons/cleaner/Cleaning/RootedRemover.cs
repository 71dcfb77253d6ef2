using System.Runtime.InteropServices;
using System.Text;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Cleaning;

/// <summary>
/// Deletes a file given by its path relative to a target root, reaching it from the root's
/// descriptor one directory at a time with <c>O_NOFOLLOW</c>: a path that now leads through a symlink
/// fails instead of deleting something outside the root, and a symlink itself is never deleted.
/// </summary>
internal sealed unsafe class RootedRemover : IDisposable
{
    private readonly int _rootFd;
    private readonly List<int> _chain = [];
    private readonly List<int> _nameStarts = [];

    private RootedRemover(int rootFd) => _rootFd = rootFd;

    /// <summary>Opens the root; returns null with an errno when it cannot be opened.</summary>
    public static RootedRemover? Open(string root, out int errno)
    {
        var bytes = Encoding.UTF8.GetBytes(root + "\0");
        int fd;
        fixed (byte* pointer = bytes)
        {
            fd = Libc.Open(pointer, Libc.OpenDirectoryFollow);
        }

        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd < 0 ? null : new RootedRemover(fd);
    }

    /// <summary>
    /// Deletes the regular file at <paramref name="relativePath"/>; with <paramref name="removeEmptyParents"/>,
    /// then removes each parent directory left empty, deepest first, never the root. Returns 0 or an errno
    /// (<see cref="Libc.ENOENT"/> when it vanished; <see cref="Libc.ELOOP"/> when the path is not a
    /// regular file reachable without following a symlink).
    /// </summary>
    public int Delete(byte[] relativePath, bool removeEmptyParents, Action<string>? onDirectoryRemoved)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = new byte[relativePath.Length + 1];
        relativePath.CopyTo(path, 0);
        _chain.Clear();
        _nameStarts.Clear();
        try
        {
            fixed (byte* pointer = path)
            {
                var fd = _rootFd;
                var start = 0;
                for (var i = 0; i < relativePath.Length; i++)
                {
                    if (path[i] != (byte)'/')
                    {
                        continue;
                    }

                    path[i] = 0;
                    var next = Libc.OpenAt(fd, pointer + start, Libc.OpenDirectoryNoFollow);
                    if (next < 0)
                    {
                        return Marshal.GetLastPInvokeError();
                    }

                    _chain.Add(next);
                    _nameStarts.Add(start);
                    fd = next;
                    start = i + 1;
                }

                var stat = stackalloc byte[256];
                if (Libc.Statx(fd, pointer + start, Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_TYPE | Libc.STATX_MODE, stat) != 0)
                {
                    return Marshal.GetLastPInvokeError();
                }

                if ((*(ushort*)(stat + 28) & Libc.S_IFMT) != Libc.S_IFREG)
                {
                    return Libc.ELOOP;
                }

                if (Libc.UnlinkAt(fd, pointer + start, 0) != 0)
                {
                    return Marshal.GetLastPInvokeError();
                }

                if (removeEmptyParents)
                {
                    RemoveEmptyParents(path, pointer, onDirectoryRemoved);
                }

                return 0;
            }
        }
        finally
        {
            foreach (var fd in _chain)
            {
                _ = Libc.Close(fd);
            }
        }
    }

    public void Dispose() => _ = Libc.Close(_rootFd);

    private void RemoveEmptyParents(byte[] path, byte* pointer, Action<string>? onDirectoryRemoved)
    {
        for (var level = _chain.Count - 1; level >= 0; level--)
        {
            var parent = level == 0 ? _rootFd : _chain[level - 1];
            if (Libc.UnlinkAt(parent, pointer + _nameStarts[level], Libc.AT_REMOVEDIR) != 0)
            {
                return;
            }

            if (onDirectoryRemoved is not null)
            {
                var end = Array.IndexOf(path, (byte)0, _nameStarts[level]);
                var relative = Encoding.UTF8.GetString(path, 0, end).Replace('\0', '/');
                onDirectoryRemoved(relative);
            }
        }
    }
}

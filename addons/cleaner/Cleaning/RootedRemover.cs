using System.Runtime.InteropServices;
using System.Text;
using Addons.Cleaner.Native;
using Addons.Cleaner.Scanning;

namespace Addons.Cleaner.Cleaning;

/// <summary>
/// Deletes a file given by its path relative to a target root, reaching it from the root's
/// descriptor one directory at a time with <c>O_NOFOLLOW</c>: a path that now leads through a symlink
/// fails instead of deleting something outside the root, and a symlink itself is never deleted.
/// </summary>
/// <remarks>
/// Holds at most <see cref="DirectoryChain.DefaultMaxOpen"/> descriptors however deep the path
/// (<see cref="DirectoryChain"/>), and deletes only if the file is still the one scanned (<see cref="Deletion"/>).
/// </remarks>
internal sealed unsafe class RootedRemover : IDisposable
{
    private readonly byte[] _root;
    private readonly DirectoryChain _chain = new();
    private readonly List<int> _nameStarts = [];

    private RootedRemover(byte[] root) => _root = root;

    /// <summary>Checks that the root can be opened; returns null with an errno when it cannot.</summary>
    public static RootedRemover? Open(string root, out int errno)
    {
        var remover = new RootedRemover(Encoding.UTF8.GetBytes(root + "\0"));
        errno = remover.OpenRoot();
        if (errno != 0)
        {
            return null;
        }

        remover._chain.Dispose();
        return remover;
    }

    /// <summary>
    /// Deletes the regular file at <paramref name="relativePath"/> if it is still <paramref name="expected"/>;
    /// with <paramref name="removeEmptyParents"/>, then removes each parent directory left empty, deepest
    /// first, never the root, calling <paramref name="onDirectoryRemoved"/> for each. Returns 0,
    /// <see cref="Deletion.Changed"/> or an errno (<see cref="Libc.ENOENT"/> when it vanished;
    /// <see cref="Libc.ELOOP"/> when the path leads through a symlink).
    /// </summary>
    public int Delete(byte[] relativePath, in FileIdentity expected, bool removeEmptyParents, Action<byte[], int>? onDirectoryRemoved)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = new byte[relativePath.Length + 1];
        relativePath.CopyTo(path, 0);
        _nameStarts.Clear();
        var errno = OpenRoot();
        if (errno != 0)
        {
            return errno;
        }

        try
        {
            fixed (byte* pointer = path)
            {
                var start = 0;
                for (var i = 0; i < relativePath.Length; i++)
                {
                    if (path[i] != (byte)'/')
                    {
                        continue;
                    }

                    path[i] = 0;
                    errno = _chain.Push(pointer + start);
                    if (errno != 0)
                    {
                        return errno;
                    }

                    _nameStarts.Add(start);
                    start = i + 1;
                }

                errno = Deletion.UnlinkIfUnchanged(_chain.Top, pointer + start, expected);
                if (errno == 0 && removeEmptyParents)
                {
                    RemoveEmptyParents(path, pointer, onDirectoryRemoved);
                }

                return errno;
            }
        }
        finally
        {
            _chain.Dispose();
        }
    }

    public void Dispose() => _chain.Dispose();

    private int OpenRoot()
    {
        int fd;
        fixed (byte* pointer = _root)
        {
            fd = Libc.Open(pointer, Libc.OpenDirectoryFollow);
        }

        return fd < 0 ? Marshal.GetLastPInvokeError() : _chain.Reset(fd);
    }

    /// <summary>Climbs from the file's directory, removing each directory left empty, until one is not (or the root).</summary>
    private void RemoveEmptyParents(byte[] path, byte* pointer, Action<byte[], int>? onDirectoryRemoved)
    {
        for (var level = _nameStarts.Count - 1; level >= 0; level--)
        {
            if (_chain.Pop() != 0 || _chain.IsTopLost)
            {
                return;
            }

            if (Libc.UnlinkAt(_chain.Top, pointer + _nameStarts[level], Libc.AT_REMOVEDIR) != 0)
            {
                return;
            }

            // The directory's relative path ends where its name's NUL is.
            onDirectoryRemoved?.Invoke(path, Array.IndexOf(path, (byte)0, _nameStarts[level]));
        }
    }
}

using System.Runtime.InteropServices;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// The directories from a target root down to the one being walked, each reached from its parent with
/// <c>openat(O_NOFOLLOW)</c>, holding at most <see cref="MaxOpen"/> descriptors however deep the tree.
/// </summary>
/// <remarks>
/// Guarantees: the top directory's descriptor is always open (unless <see cref="IsTopLost"/>); going
/// deeper than <see cref="MaxOpen"/> closes the shallowest open descriptor; going back up to a closed
/// directory reopens it through the child's <c>..</c> and accepts it only if its device and inode are the
/// ones recorded on the way down. A directory moved meanwhile is therefore never confused with another:
/// it becomes "lost" and the walker skips what is left of it and of every closed directory above it,
/// until an open ancestor.
/// Cost: three integers per level (fd, device, inode), plus <see cref="MaxOpen"/> descriptors.
/// </remarks>
internal sealed unsafe class DirectoryChain : IDisposable
{
    /// <summary>Descriptors kept open at most: the deepest levels (32 — far below any fd limit).</summary>
    public const int DefaultMaxOpen = 32;

    private const int Closed = -1;
    private const int Lost = -2;

    private int[] _fds = new int[64];
    private ulong[] _devices = new ulong[64];
    private ulong[] _inodes = new ulong[64];
    private int _lowestOpen;

    public DirectoryChain(int maxOpen = DefaultMaxOpen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpen, 1);
        MaxOpen = maxOpen;
    }

    public int MaxOpen { get; }

    /// <summary>Levels held: 1 for the root alone.</summary>
    public int Count { get; private set; }

    /// <summary>Descriptors open right now: the levels from the shallowest open one down (at most <see cref="MaxOpen"/>).</summary>
    public int OpenDescriptors => IsTopLost ? 0 : Count - _lowestOpen;

    /// <summary>The descriptor of the deepest directory.</summary>
    public int Top => _fds[Count - 1];

    /// <summary>True when the deepest directory could not be reopened as the same directory.</summary>
    public bool IsTopLost => Count > 0 && _fds[Count - 1] == Lost;

    /// <summary>Takes ownership of an open root descriptor. Returns 0 or an errno.</summary>
    public int Reset(int rootFd)
    {
        CloseAll();
        if (!Identify(rootFd, out var device, out var inode, out var errno))
        {
            _ = Libc.Close(rootFd);
            return errno;
        }

        Append(rootFd, device, inode);
        return 0;
    }

    /// <summary>Opens <paramref name="name"/> below the top directory without following a symlink. Returns 0 or an errno.</summary>
    public int Push(byte* name)
    {
        var child = Libc.OpenAt(Top, name, Libc.OpenDirectoryNoFollow);
        if (child < 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        if (!Identify(child, out var device, out var inode, out var errno))
        {
            _ = Libc.Close(child);
            return errno;
        }

        Append(child, device, inode);
        if (Count - _lowestOpen > MaxOpen)
        {
            _ = Libc.Close(_fds[_lowestOpen]);
            _fds[_lowestOpen] = Closed;
            _lowestOpen++;
        }

        return 0;
    }

    /// <summary>
    /// Closes the top directory and makes its parent the top, reopening the parent if its descriptor was
    /// closed. Returns 0, or <see cref="Libc.ESTALE"/> (or another errno) when the parent could not be
    /// reopened as the same directory: it is then lost, and so is every closed directory above it as the
    /// walk climbs back (those pops return 0; see <see cref="IsTopLost"/>).
    /// </summary>
    public int Pop()
    {
        var child = _fds[Count - 1];
        Count--;
        var result = 0;
        if (Count > 0 && _fds[Count - 1] < 0)
        {
            if (child >= 0)
            {
                result = Reopen(child, Count - 1);
            }
            else
            {
                // Reached through a lost directory: there is no descriptor to find the parent from. The
                // loss was reported once, when it happened.
                _fds[Count - 1] = Lost;
            }

            _lowestOpen = Count - 1;
        }

        if (child >= 0)
        {
            _ = Libc.Close(child);
        }

        if (Count == 0)
        {
            _lowestOpen = 0;
        }

        return result;
    }

    public void Dispose() => CloseAll();

    private int Reopen(int childFd, int level)
    {
        var dotDot = stackalloc byte[] { (byte)'.', (byte)'.', 0 };
        var parent = Libc.OpenAt(childFd, dotDot, Libc.OpenDirectoryNoFollow);
        if (parent < 0)
        {
            _fds[level] = Lost;
            return Marshal.GetLastPInvokeError();
        }

        if (!Identify(parent, out var device, out var inode, out var errno) || device != _devices[level] || inode != _inodes[level])
        {
            _ = Libc.Close(parent);
            _fds[level] = Lost;
            return errno != 0 ? errno : Libc.ESTALE;
        }

        _fds[level] = parent;
        return 0;
    }

    private void Append(int fd, ulong device, ulong inode)
    {
        if (Count == _fds.Length)
        {
            Array.Resize(ref _fds, Count * 2);
            Array.Resize(ref _devices, Count * 2);
            Array.Resize(ref _inodes, Count * 2);
        }

        _fds[Count] = fd;
        _devices[Count] = device;
        _inodes[Count] = inode;
        Count++;
    }

    private void CloseAll()
    {
        for (var level = 0; level < Count; level++)
        {
            if (_fds[level] >= 0)
            {
                _ = Libc.Close(_fds[level]);
            }
        }

        Count = 0;
        _lowestOpen = 0;
    }

    private static bool Identify(int fd, out ulong device, out ulong inode, out int errno)
    {
        var statx = stackalloc byte[StatxFields.BufferSize];
        var empty = stackalloc byte[1];
        empty[0] = 0;
        if (Libc.Statx(fd, empty, Libc.AT_EMPTY_PATH, Libc.STATX_INO, statx) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            device = 0;
            inode = 0;
            return false;
        }

        errno = 0;
        device = StatxFields.Device(statx);
        inode = StatxFields.Inode(statx);
        return true;
    }
}

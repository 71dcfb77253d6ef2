using System.Runtime.InteropServices;
using Addons.Cleaner.Native;

namespace Addons.Cleaner.Scanning;

/// <summary>
/// Unlinks a file through its directory's descriptor only when it is still the file the walk saw.
/// </summary>
/// <remarks>
/// Guarantees: the file is re-stat-ed (without following a symlink) right before the unlink; if it is
/// no longer a regular file, or its inode, size, mtime or ctime differ from <paramref name="expected"/>,
/// nothing is deleted and <see cref="Changed"/> is returned.
/// Caveats: Linux has no "unlink if still this inode" call, so a swap inside the few microseconds
/// between that stat and the unlink cannot be excluded; the window shrinks from the whole walk to two
/// consecutive syscalls.
/// </remarks>
internal static unsafe class Deletion
{
    /// <summary>Returned instead of an errno when the file changed since it was scanned.</summary>
    public const int Changed = -1;

    /// <summary>Returns 0, <see cref="Changed"/>, or an errno (<see cref="Libc.ENOENT"/> when it vanished).</summary>
    public static int UnlinkIfUnchanged(int directoryFd, byte* name, in FileIdentity expected)
    {
        var statx = stackalloc byte[StatxFields.BufferSize];
        if (Libc.Statx(directoryFd, name, Libc.AT_SYMLINK_NOFOLLOW, StatxFields.FileMask, statx) != 0)
        {
            return Marshal.GetLastPInvokeError();
        }

        if (!StatxFields.IsRegularFile(statx) || FileIdentity.From(statx) != expected)
        {
            return Changed;
        }

        return Libc.UnlinkAt(directoryFd, name, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }
}

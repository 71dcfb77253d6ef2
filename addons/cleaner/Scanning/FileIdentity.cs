namespace Addons.Cleaner.Scanning;

/// <summary>
/// What the walk saw of a regular file: its inode, size, mtime and ctime (nanoseconds since the Unix
/// epoch). A deletion goes ahead only when a fresh stat still shows the same identity, so a file
/// replaced, rewritten or touched between the scan and the unlink is kept.
/// </summary>
/// <remarks>
/// The ctime cannot be set from user space, so a file rewritten in place and given its old mtime back
/// (<c>touch -d</c>) is still seen as changed.
/// </remarks>
internal readonly record struct FileIdentity(ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    public long ModifiedUnixMilliseconds => Math.DivRem(ModifiedNanoseconds, 1_000_000).Quotient;

    public static unsafe FileIdentity From(byte* statx) => new(
        Native.StatxFields.Inode(statx),
        Native.StatxFields.Size(statx),
        Native.StatxFields.ModifiedNanoseconds(statx),
        Native.StatxFields.ChangedNanoseconds(statx));
}

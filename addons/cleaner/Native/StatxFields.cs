namespace Addons.Cleaner.Native;

/// <summary>Reads the fields the cleaner uses from a Linux <c>struct statx</c> filled by <see cref="Libc.Statx"/>.</summary>
internal static unsafe class StatxFields
{
    /// <summary>Bytes to reserve for one <c>struct statx</c> (the kernel's is 256).</summary>
    public const int BufferSize = 256;

    /// <summary>What a file stat asks for: type, mode, inode, size, mtime and ctime.</summary>
    public const uint FileMask = Libc.STATX_TYPE | Libc.STATX_MODE | Libc.STATX_INO | Libc.STATX_SIZE | Libc.STATX_MTIME | Libc.STATX_CTIME;

    public static ushort Mode(byte* statx) => *(ushort*)(statx + 28);

    public static ulong Inode(byte* statx) => *(ulong*)(statx + 32);

    public static long Size(byte* statx) => *(long*)(statx + 40);

    public static long ChangedNanoseconds(byte* statx) => (*(long*)(statx + 96) * 1_000_000_000) + *(uint*)(statx + 104);

    public static long ModifiedNanoseconds(byte* statx) => (*(long*)(statx + 112) * 1_000_000_000) + *(uint*)(statx + 120);

    /// <summary>The device (major, minor) the file lives on, as one number.</summary>
    public static ulong Device(byte* statx) => ((ulong)*(uint*)(statx + 136) << 32) | *(uint*)(statx + 140);

    public static bool IsRegularFile(byte* statx) => (Mode(statx) & Libc.S_IFMT) == Libc.S_IFREG;
}

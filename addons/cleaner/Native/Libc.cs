using System.Runtime.InteropServices;

namespace Addons.Cleaner.Native;

/// <summary>
/// The few libc calls the cleaner needs. Directory walking and deletion go through file
/// descriptors (<c>openat</c>, <c>getdents64</c>, <c>statx</c>, <c>unlinkat</c>) so that no path is ever
/// re-resolved through a symlink that appeared meanwhile: everything we touch is reached from the
/// target root's descriptor with <c>O_NOFOLLOW</c> on every step.
/// </summary>
/// <remarks>
/// Assumptions: Linux with glibc ≥ 2.30 (getdents64 and statx wrappers), 64-bit. Flag values that
/// differ between x86-64 and arm64 are chosen at run time.
/// </remarks>
internal static unsafe partial class Libc
{
    private const string LibraryName = "libc";

    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EACCES = 13;
    public const int EEXIST = 17;
    public const int ENOTDIR = 20;
    public const int EMFILE = 24;
    public const int EROFS = 30;
    public const int ENOTEMPTY = 39;
    public const int ELOOP = 40;
    public const int ESTALE = 116;

    public const int AT_SYMLINK_NOFOLLOW = 0x100;
    public const int AT_REMOVEDIR = 0x200;
    public const int AT_EMPTY_PATH = 0x1000;

    public const uint STATX_TYPE = 0x1;
    public const uint STATX_MODE = 0x2;
    public const uint STATX_MTIME = 0x40;
    public const uint STATX_CTIME = 0x80;
    public const uint STATX_INO = 0x100;
    public const uint STATX_SIZE = 0x200;

    public const byte DT_UNKNOWN = 0;
    public const byte DT_DIR = 4;
    public const byte DT_REG = 8;
    public const byte DT_LNK = 10;

    public const int S_IFMT = 0xF000;
    public const int S_IFDIR = 0x4000;
    public const int S_IFREG = 0x8000;
    public const int S_IFLNK = 0xA000;

    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000;

    // O_DIRECTORY and O_NOFOLLOW have different values on arm64 (asm-generic) and x86-64.
    private static readonly bool IsArm = RuntimeInformation.ProcessArchitecture is Architecture.Arm64;
    private static readonly int ODirectory = IsArm ? 0x4000 : 0x10000;
    private static readonly int ONoFollow = IsArm ? 0x8000 : 0x20000;

    /// <summary>Flags for opening a directory without following a final symlink.</summary>
    public static int OpenDirectoryNoFollow => O_RDONLY | O_CLOEXEC | ODirectory | ONoFollow;

    /// <summary>Flags for opening a target root (a symlinked root is the operator's choice, so it is followed).</summary>
    public static int OpenDirectoryFollow => O_RDONLY | O_CLOEXEC | ODirectory;

    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    [LibraryImport(LibraryName, EntryPoint = "openat", SetLastError = true)]
    public static partial int OpenAt(int dirFd, byte* path, int flags);

    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(LibraryName, EntryPoint = "getdents64", SetLastError = true)]
    public static partial nint GetDents64(int fd, byte* buffer, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "statx", SetLastError = true)]
    public static partial int Statx(int dirFd, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport(LibraryName, EntryPoint = "unlinkat", SetLastError = true)]
    public static partial int UnlinkAt(int dirFd, byte* path, int flags);

    [LibraryImport(LibraryName, EntryPoint = "readlinkat", SetLastError = true)]
    public static partial nint ReadLinkAt(int dirFd, byte* path, byte* buffer, nuint size);

    [LibraryImport(LibraryName, EntryPoint = "statvfs", SetLastError = true)]
    public static partial int StatVfs(byte* path, byte* buffer);

    [LibraryImport(LibraryName, EntryPoint = "strerror")]
    private static partial byte* StrError(int errno);

    /// <summary>The libc description of an errno value, e.g. "No such file or directory".</summary>
    public static string Describe(int errno)
    {
        var text = StrError(errno);
        return text is null ? $"errno {errno}" : Marshal.PtrToStringUTF8((nint)text) ?? $"errno {errno}";
    }
}

using System.Runtime.InteropServices;

namespace Addons.Cleaner.Configuration;

/// <summary>
/// Refuses target paths whose cleaning could wreck a node: <c>/</c>, <c>/proc</c>, <c>/sys</c>,
/// <c>/dev</c>, <c>/etc</c>, <c>/boot</c>, <c>/usr</c>, <c>/bin</c>, <c>/lib</c>. Both the path as written
/// (normalised: <c>..</c> and trailing slashes resolved) and, when it exists, its real path (symlinks
/// resolved) are checked, so <c>/tmp/../</c> or a symlink to <c>/etc</c> is refused too.
/// </summary>
internal static partial class TargetPathGuard
{
    private static readonly string[] Refused = ["/", "/proc", "/sys", "/dev", "/etc", "/boot", "/usr", "/bin", "/lib"];

    public static IReadOnlyList<string> RefusedPaths => Refused;

    /// <summary>Why <paramref name="path"/> is refused, or null when it is allowed.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = Normalize(Path.GetFullPath(path));
        var real = RealPath(path);
        foreach (var candidate in real is null ? [normalized] : new[] { normalized, Normalize(real) })
        {
            if (Refused.Contains(candidate, StringComparer.Ordinal))
            {
                return $"refusing to clean \"{path}\" (resolves to {candidate}); the paths {string.Join(", ", Refused)} are never accepted";
            }
        }

        return null;
    }

    private static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static unsafe string? RealPath(string path)
    {
        var resolved = RealPathNative(path, null);
        if (resolved is null)
        {
            // A path that does not exist (yet) cannot be a symlink to a refused one.
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)resolved);
        }
        finally
        {
            NativeMemory.Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial byte* RealPathNative(string path, byte* resolved);
}

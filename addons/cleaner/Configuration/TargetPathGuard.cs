using System.Runtime.InteropServices;

namespace Addons.Cleaner.Configuration;

/// <summary>
/// Refuses target paths whose cleaning could wreck a node (the list and its rules: <see cref="SystemPathPolicy"/>).
/// Both the path as written (normalised: <c>..</c> and trailing slashes resolved) and, when it exists, its real path
/// (symlinks resolved) are checked, so <c>/tmp/../etc</c> or a symlink to <c>/etc</c> is refused too; so is a
/// directory that looks like a host's root filesystem mounted elsewhere (the chart's <c>/targets/root</c>).
/// </summary>
internal static partial class TargetPathGuard
{
    /// <summary>Why <paramref name="path"/> is refused, or null when it is allowed.</summary>
    public static string? Problem(string path, bool allowSystemPaths = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = Normalize(Path.GetFullPath(path));
        var real = RealPath(path) is { } resolved ? Normalize(resolved) : null;
        foreach (var candidate in real is null || real == normalized ? [normalized] : new[] { normalized, real })
        {
            if (SystemPathPolicy.Problem(candidate, allowSystemPaths) is { } why)
            {
                var resolves = candidate == path ? "" : $" (resolves to {candidate})";
                return $"refusing to clean \"{path}\"{resolves}: {why}";
            }
        }

        if (!allowSystemPaths && real is not null && LooksLikeRootFilesystem(real) is { } markers)
        {
            return $"refusing to clean \"{path}\": it looks like a host's root filesystem (it holds {markers}); --allow-system-paths lifts this";
        }

        return null;
    }

    private static string? LooksLikeRootFilesystem(string directory)
    {
        // etc/passwd next to usr, proc or var/lib: a whole OS tree, not a work directory that happens to have an etc/.
        if (!File.Exists(Path.Combine(directory, "etc/passwd")))
        {
            return null;
        }

        var found = SystemPathPolicy.RootMarkers.Where(m => Directory.Exists(Path.Combine(directory, m))).ToList();
        return found.Count >= 1 ? "etc/passwd, " + string.Join(", ", found.Take(3)) : null;
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

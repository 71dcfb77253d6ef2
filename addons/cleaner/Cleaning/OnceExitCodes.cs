using Addons.Kit.Shutdown;

namespace Addons.Cleaner.Cleaning;

/// <summary>
/// The exit code of a <c>once</c> run, from what its cycle did, so a Job or a script sees "nothing could be cleaned"
/// instead of a silent 0: 0 every target was examined and every matching file deleted (or below threshold);
/// 3 at least one target path could not be examined (missing, not a directory, usage unreadable);
/// 4 otherwise, when at least one matching file could not be deleted (read-only filesystem, permission denied).
/// </summary>
/// <remarks>1 (runtime failure, invalid glob) and 2 (invalid setting) are the kit's; a stop signal is 0.</remarks>
internal static class OnceExitCodes
{
    /// <summary>At least one target path could not be examined.</summary>
    public const int TargetUnavailable = 3;

    /// <summary>At least one matching file could not be deleted.</summary>
    public const int DeleteFailed = 4;

    /// <summary>The code and a one-line reason, or (0, null) for a clean run.</summary>
    public static (int Code, string? Reason) For(IReadOnlyList<PathOutcome> outcomes)
    {
        var unavailable = outcomes.Where(o => o.Verdict == PathVerdict.Unavailable).Select(o => o.Path).ToList();
        if (unavailable.Count > 0)
        {
            return (TargetUnavailable, unavailable.Count == outcomes.Count
                ? $"no target path could be cleaned: {string.Join(", ", unavailable)} could not be examined"
                : $"{unavailable.Count} of {outcomes.Count} target path(s) could not be examined: {string.Join(", ", unavailable)}");
        }

        var failures = outcomes.Sum(o => o.DeleteFailures);
        return failures > 0
            ? (DeleteFailed, $"{failures} matching file(s) could not be deleted (see the errors above)")
            : (ExitCodes.Clean, null);
    }
}

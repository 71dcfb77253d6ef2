namespace Addons.Cleaner.Cleaning;

/// <summary>What one cycle did for one target path.</summary>
internal enum PathVerdict
{
    /// <summary>The path does not exist or its usage could not be measured.</summary>
    Unavailable,

    /// <summary>Usage was not above the threshold; nothing was deleted.</summary>
    BelowThreshold,

    /// <summary>Usage was above the threshold; matching files were deleted (or, in a dry run, listed).</summary>
    Cleaned,
}

/// <summary>The result of one cycle for one target path.</summary>
/// <param name="DeleteFailures">Files that matched but could not be deleted (read-only filesystem, permission denied, …).</param>
internal sealed record PathOutcome(string Path, PathVerdict Verdict, double UsagePercent, long Files, long Bytes, bool Stopped, long DeleteFailures = 0);

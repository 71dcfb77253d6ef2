using Microsoft.Extensions.Logging;

namespace Addons.Cleaner.Cleaning;

/// <summary>The cleaner's log messages: every file deleted, every path skipped and why.</summary>
internal static partial class CleaningLog
{
    [LoggerMessage(1, LogLevel.Information, "Cycle started for {PathCount} target path(s)")]
    public static partial void CycleStarted(this ILogger logger, int pathCount);

    [LoggerMessage(2, LogLevel.Information, "Cycle finished in {DurationSeconds:F3}s: {Files} file(s), {Size} {Verb}")]
    public static partial void CycleFinished(this ILogger logger, double durationSeconds, long files, string size, string verb);

    [LoggerMessage(3, LogLevel.Error, "Target path {Path} cannot be checked: {Reason}")]
    public static partial void PathUnavailable(this ILogger logger, string path, string reason);

    [LoggerMessage(4, LogLevel.Information, "Disk usage of {Path} is {UsagePercent:F1}% ({Used} of {Total}), not above the {ThresholdPercent}% threshold: skipping")]
    public static partial void BelowThreshold(this ILogger logger, string path, double usagePercent, string used, string total, int thresholdPercent);

    [LoggerMessage(5, LogLevel.Information, "Disk usage of {Path} is {UsagePercent:F1}% ({Used} of {Total}), above the {ThresholdPercent}% threshold: cleaning with strategy {Strategy}")]
    public static partial void AboveThreshold(this ILogger logger, string path, double usagePercent, string used, string total, int thresholdPercent, string strategy);

    [LoggerMessage(6, LogLevel.Information, "[DRY-RUN] Would delete file {File} ({Size})")]
    public static partial void WouldDelete(this ILogger logger, string file, string size);

    [LoggerMessage(7, LogLevel.Information, "Deleted file {File} ({Size})")]
    public static partial void Deleted(this ILogger logger, string file, string size);

    [LoggerMessage(8, LogLevel.Warning, "Failed to delete file {File}: {Reason}")]
    public static partial void DeleteFailed(this ILogger logger, string file, string reason);

    [LoggerMessage(9, LogLevel.Debug, "File {File} vanished before it could be deleted")]
    public static partial void Vanished(this ILogger logger, string file);

    [LoggerMessage(10, LogLevel.Information, "Skipping symbolic link {Symlink} -> {Target}: symlinks are never followed or deleted")]
    public static partial void SkippingSymlink(this ILogger logger, string symlink, string target);

    [LoggerMessage(11, LogLevel.Information, "Skipping excluded directory {Directory} (pattern {Pattern})")]
    public static partial void SkippingExcludedDirectory(this ILogger logger, string directory, string pattern);

    [LoggerMessage(12, LogLevel.Information, "Skipping excluded file {File} ({Size}, pattern {Pattern})")]
    public static partial void SkippingExcludedFile(this ILogger logger, string file, string size, string pattern);

    [LoggerMessage(13, LogLevel.Information, "Skipping recently modified file {File} (modified {AgeSeconds:F0}s ago, minimum age {MinAgeSeconds:F0}s)")]
    public static partial void SkippingRecentFile(this ILogger logger, string file, double ageSeconds, double minAgeSeconds);

    [LoggerMessage(14, LogLevel.Warning, "Cannot {Operation} {Path}: {Reason}; skipping it")]
    public static partial void ScanError(this ILogger logger, string operation, string path, string reason);

    [LoggerMessage(15, LogLevel.Information, "[DRY-RUN] Would delete {Files} file(s), {Size} total, from {Path}")]
    public static partial void DryRunSummary(this ILogger logger, long files, string size, string path);

    [LoggerMessage(16, LogLevel.Information, "Deleted {Files} file(s), freed {Size}, from {Path}")]
    public static partial void CleanSummary(this ILogger logger, long files, string size, string path);

    [LoggerMessage(17, LogLevel.Debug, "Removed empty directory {Directory}")]
    public static partial void RemovedEmptyDirectory(this ILogger logger, string directory);

    [LoggerMessage(18, LogLevel.Warning, "Failed to remove empty directory {Directory}: {Reason}")]
    public static partial void RemoveDirectoryFailed(this ILogger logger, string directory, string reason);

    [LoggerMessage(19, LogLevel.Information, "Usage of {Path} is {UsagePercent:F1}%, at or below the {TargetPercent}% target: stopping")]
    public static partial void TargetReached(this ILogger logger, string path, double usagePercent, int targetPercent);

    [LoggerMessage(20, LogLevel.Information, "Stop requested: stopping before the next file in {Path}")]
    public static partial void StopRequested(this ILogger logger, string path);

    [LoggerMessage(22, LogLevel.Debug, "Skipping file {File}: it matches no include pattern")]
    public static partial void SkippingNotIncluded(this ILogger logger, string file);

    [LoggerMessage(21, LogLevel.Information, "Scanned {Path}: {Files} file(s) in {Directories} director(ies)")]
    public static partial void Scanned(this ILogger logger, string path, long files, long directories);

    [LoggerMessage(23, LogLevel.Information, "Skipping file {File}: it changed since it was scanned (replaced, rewritten or touched); it is judged again next cycle")]
    public static partial void ChangedSinceScan(this ILogger logger, string file);

    [LoggerMessage(24, LogLevel.Warning, "Not descending below depth {MaxDepth} in {Path} (--max-depth): deeper entries are skipped (first one at a relative path of {PathBytes} bytes; count in the summary)")]
    public static partial void TooDeep(this ILogger logger, string path, int maxDepth, int pathBytes);

    [LoggerMessage(25, LogLevel.Information, "Removed {Directories} empty director(ies) from {Path}; {Failures} could not be removed")]
    public static partial void RemovedEmptyDirectories(this ILogger logger, long directories, string path, long failures);

    [LoggerMessage(26, LogLevel.Warning, "{Directories} director(ies) of {Path} deeper than --max-depth {MaxDepth} were not entered")]
    public static partial void TooDeepSummary(this ILogger logger, long directories, string path, int maxDepth);
}

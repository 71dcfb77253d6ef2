namespace Addons.Cleaner.Configuration;

/// <summary>The cleaner's settings; names and environment variables are the original's where it had them.</summary>
internal static class Settings
{
    public static readonly Setting TargetPaths = new("target-paths", "TARGET_PATHS", false,
        "a comma-separated, non-empty list of directories", "Paths to watch and clean (default /home/runner/_work)");

    public static readonly Setting UsageThresholdPercent = new("usage-threshold-percent", "USAGE_THRESHOLD_PERCENT", false,
        "an integer from 0 to 100", "Clean a path when its usage is above this percentage (default 80)");

    public static readonly Setting CheckIntervalMinutes = new("check-interval-minutes", "CHECK_INTERVAL_MINUTES", false,
        "an integer of at least 1", "Minutes between cycles in interval mode (default 10)");

    public static readonly Setting IncludePatterns = new("include-patterns", "INCLUDE_PATTERNS", false,
        "a comma-separated list of globs", "Delete only files matching one of these (default *)");

    public static readonly Setting ExcludePatterns = new("exclude-patterns", "EXCLUDE_PATTERNS", false,
        "a comma-separated list of globs", "Never delete files or enter directories matching these (default **/.git/**,**/node_modules/**,*.log)");

    public static readonly Setting CleanupMode = new("cleanup-mode", "CLEANUP_MODE", false,
        "once or interval", "once: one cycle and exit; interval: a cycle every interval (default interval)");

    public static readonly Setting DryRun = new("dry-run", "DRY_RUN", true,
        "true, false, 1 or 0", "Log what would be deleted, delete nothing (default false)");

    public static readonly Setting LogLevel = new("log-level", "LOG_LEVEL", false,
        "trace, debug, info, warn or error", "Minimum log level (default info)");

    public static readonly Setting Strategy = new("strategy", "STRATEGY", false,
        "all or oldest-first", "all: every matching file; oldest-first: oldest files until --target-usage-percent (default all)");

    public static readonly Setting TargetUsagePercent = new("target-usage-percent", "TARGET_USAGE_PERCENT", false,
        "an integer from 0 to 100, not above --usage-threshold-percent", "oldest-first stops once usage is at or below this (default: the threshold)");

    public static readonly Setting MinFileAge = new("min-file-age", "MIN_FILE_AGE", false,
        "a duration such as 0, 90s, 10m, 1h30m or 2d", "Never delete files modified more recently than this (default 0, off)");

    public static readonly Setting RemoveEmptyDirs = new("remove-empty-dirs", "REMOVE_EMPTY_DIRS", true,
        "true, false, 1 or 0", "Remove directories left empty by deletion (default false)");

    public static readonly Setting MetricsPort = new("metrics-port", "METRICS_PORT", false,
        "an integer from 0 to 65535 (0 = off)", "Port for /healthz, /readyz and /metrics (default 0, off)");

    public static readonly Setting MaxDepth = new("max-depth", "MAX_DEPTH", false,
        "an integer of at least 1", "Skip entries deeper than this below a target path, logged once per path and cycle (default 4096)");

    public static readonly Setting Version = new("version", null, true,
        "no value", "Print version and commit, then exit");

    public static readonly Setting Help = new("help", null, true,
        "no value", "Print this help, then exit");

    public static readonly IReadOnlyList<Setting> All =
    [
        TargetPaths, UsageThresholdPercent, CheckIntervalMinutes, IncludePatterns, ExcludePatterns, CleanupMode,
        DryRun, LogLevel, Strategy, TargetUsagePercent, MinFileAge, RemoveEmptyDirs, MetricsPort, MaxDepth, Version, Help,
    ];
}

using Addons.Cleaner.Globbing;
using Addons.Kit.Hosting;
using Addons.Kit.Settings;
using Addons.Kit.Shutdown;

namespace Addons.Cleaner.Configuration;

/// <summary>
/// The cleaner's flags and environment variables (the original's names; flag &gt; env &gt; default, the
/// defaults being <see cref="CleanerOptions"/>'s initialisers), read by the kit's settings front-end.
/// </summary>
internal static class CleanerSettings
{
    private const string Directories = "a comma-separated, non-empty list of directories";

    public static AddonSettings<CleanerOptions> Definition { get; } = new(
        "cleaner",
        """
        Deletes files matching include globs (and no exclude glob) under target paths whose disk usage is above a threshold.
        Exit codes: 0 done or stopped by SIGTERM/SIGINT; 1 invalid glob or runtime failure; 2 invalid setting (also a
        pattern that can never match); once mode: 3 a target path could not be examined, 4 a matching file could not be deleted.
        """,
        Check)
    {
        { "target-paths", "TARGET_PATHS", SettingValues.List(accepted: Directories).Where(Directories, l => l.Count > 0), o => o.TargetPaths, (o, v) => o.TargetPaths = v, "Paths to watch and clean" },
        { "usage-threshold-percent", "USAGE_THRESHOLD_PERCENT", SettingValues.Integer(0, 100), o => o.UsageThresholdPercent, (o, v) => o.UsageThresholdPercent = v, "Clean a path when its usage is above this percentage" },
        { "check-interval-minutes", "CHECK_INTERVAL_MINUTES", SettingValues.Integer(1, int.MaxValue / 60_000), o => o.CheckIntervalMinutes, (o, v) => o.CheckIntervalMinutes = v, "Minutes between cycles in interval mode" },
        { "include-patterns", "INCLUDE_PATTERNS", SettingValues.List(keepBraces: true, "a comma-separated list of globs"), o => o.IncludePatterns, (o, v) => o.IncludePatterns = v, "Delete only files matching one of these" },
        { "exclude-patterns", "EXCLUDE_PATTERNS", SettingValues.List(keepBraces: true, "a comma-separated list of globs"), o => o.ExcludePatterns, (o, v) => o.ExcludePatterns = v, "Never delete files or enter directories matching these" },
        { "cleanup-mode", "CLEANUP_MODE", SettingValues.Choice(("once", CleanupMode.Once), ("interval", CleanupMode.Interval)), o => o.Mode, (o, v) => o.Mode = v, "once: one cycle and exit; interval: a cycle every interval" },
        { "dry-run", "DRY_RUN", SettingValues.Boolean(), o => o.DryRun, (o, v) => o.DryRun = v, "Log what would be deleted, delete nothing" },
        KitSettings.LogLevel with { Env = "LOG_LEVEL", Value = KitSettings.LogLevels("trace", "debug", "info", "warn", "error"), Group = null },
        { "strategy", "STRATEGY", SettingValues.Choice(("all", CleanupStrategy.All), ("oldest-first", CleanupStrategy.OldestFirst)), o => o.Strategy, (o, v) => o.Strategy = v, "all: every matching file; oldest-first: oldest files until --target-usage-percent" },
        new OptionSetting<CleanerOptions, int>(SettingValues.Integer(0, 100), o => o.TargetUsagePercent, (o, v) => o.TargetUsagePercent = v)
        {
            Flag = "target-usage-percent", Env = "TARGET_USAGE_PERCENT", Help = "oldest-first stops once usage is at or below this", DefaultDescription = "the threshold",
        },
        { "min-file-age", "MIN_FILE_AGE", SettingValues.Duration(), o => o.MinFileAge, (o, v) => o.MinFileAge = v, "Never delete files modified more recently than this (0 = off)" },
        { "remove-empty-dirs", "REMOVE_EMPTY_DIRS", SettingValues.Boolean(), o => o.RemoveEmptyDirs, (o, v) => o.RemoveEmptyDirs = v, "Remove directories left empty by deletion" },
        { "allow-system-paths", "ALLOW_SYSTEM_PATHS", SettingValues.Boolean(), o => o.AllowSystemPaths, (o, v) => o.AllowSystemPaths = v, "Accept system directories (/usr, /var/lib/kubelet, /home, ...) as target paths; /, /proc, /sys, /dev never" },
        { "max-depth", "MAX_DEPTH", SettingValues.Integer(1, int.MaxValue), o => o.MaxDepth, (o, v) => o.MaxDepth = v, "Skip entries deeper than this below a target path, logged once per path and cycle" },
        KitSettings.HealthPort with { Flag = "metrics-port", Env = "METRICS_PORT", Default = "0", Group = null, Help = "Port for /healthz, /readyz and /metrics (0 = off)" },
    };

    /// <summary>Rules across settings: refused target paths, the low watermark, globs that do not compile (exit 1).</summary>
    private static SettingsError? Check(CleanerOptions options, AddonSettings<CleanerOptions> settings)
    {
        foreach (var target in options.TargetPaths)
        {
            if (TargetPathGuard.Problem(target, options.AllowSystemPaths) is { } problem)
            {
                return SettingsError.For(settings["target-paths"], problem);
            }
        }

        if (options.TargetUsagePercent > options.UsageThresholdPercent)
        {
            return SettingsError.For(settings["target-usage-percent"], $"{options.TargetUsagePercent} is above --usage-threshold-percent ({options.UsageThresholdPercent})");
        }

        (string Flag, IReadOnlyList<string> Patterns)[] globs = [("include-patterns", options.IncludePatterns), ("exclude-patterns", options.ExcludePatterns)];
        foreach (var (flag, patterns) in globs)
        {
            foreach (var pattern in patterns)
            {
                if (PatternLint.NeverMatches(pattern) is { } why)
                {
                    return SettingsError.For(settings[flag], $"pattern \"{pattern}\" can never match: {why}");
                }
            }

            try
            {
                GlobSet.Compile(patterns);
            }
            catch (GlobSyntaxException e)
            {
                // The original's documented exit code for a bad glob is 1, not 2.
                return new SettingsError($"{SettingsError.Prefix}{settings[flag].Display}: {e.Message}", ExitCodes.Failure);
            }
        }

        return null;
    }
}

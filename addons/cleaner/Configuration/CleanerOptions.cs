namespace Addons.Cleaner.Configuration;

/// <summary>
/// The cleaner's settings after parsing and validation. Each value comes from its flag, else its
/// environment variable, else the default documented here (the original's defaults, where it had
/// the setting).
/// </summary>
internal sealed record CleanerOptions
{
    /// <summary>Paths to watch and clean.</summary>
    /// <value>The default value is <c>/home/runner/_work</c> (the GitHub Actions runner work directory).</value>
    public IReadOnlyList<string> TargetPaths { get; init; } = ["/home/runner/_work"];

    /// <summary>A path is cleaned only when its usage is strictly above this percentage.</summary>
    /// <value>The default value is 80.</value>
    public int UsageThresholdPercent { get; init; } = 80;

    /// <summary>Minutes between the end of one cycle and the start of the next (interval mode).</summary>
    /// <value>The default value is 10.</value>
    public int CheckIntervalMinutes { get; init; } = 10;

    /// <summary>A file is a candidate only if it matches one of these.</summary>
    /// <value>The default value is <c>*</c> (every file).</value>
    public IReadOnlyList<string> IncludePatterns { get; init; } = ["*"];

    /// <summary>A file or directory matching one of these is never deleted (a directory is not entered).</summary>
    /// <value>The default value is <c>**/.git/**, **/node_modules/**, *.log</c>.</value>
    public IReadOnlyList<string> ExcludePatterns { get; init; } = ["**/.git/**", "**/node_modules/**", "*.log"];

    /// <value>The default value is <see cref="CleanupMode.Interval"/>.</value>
    public CleanupMode Mode { get; init; } = CleanupMode.Interval;

    /// <summary>Log what would be deleted and delete nothing.</summary>
    /// <value>The default value is false.</value>
    public bool DryRun { get; init; }

    /// <summary>One of trace, debug, info, warn, error (lower case).</summary>
    /// <value>The default value is <c>info</c>.</value>
    public string LogLevel { get; init; } = "info";

    /// <value>The default value is <see cref="CleanupStrategy.All"/> (the original's behaviour).</value>
    public CleanupStrategy Strategy { get; init; } = CleanupStrategy.All;

    /// <summary>Low watermark for <see cref="CleanupStrategy.OldestFirst"/>: stop once usage is at or below it.</summary>
    /// <value>The default value is <see cref="UsageThresholdPercent"/> (stop as soon as the path is no longer over it).</value>
    public int TargetUsagePercent { get; init; } = 80;

    /// <summary>Files modified within this window are never deleted.</summary>
    /// <value>The default value is zero (off).</value>
    public TimeSpan MinFileAge { get; init; }

    /// <summary>Remove directories that deleting files left empty (never a target root or an excluded directory).</summary>
    /// <value>The default value is false.</value>
    public bool RemoveEmptyDirs { get; init; }

    /// <summary>Entries deeper than this below a target path are skipped (logged once per path and cycle).</summary>
    /// <value>The default value is 4096 (<see cref="Scanning.DirectoryWalker.DefaultMaxDepth"/>).</value>
    public int MaxDepth { get; init; } = Scanning.DirectoryWalker.DefaultMaxDepth;

    /// <summary>Port of the health and metrics listener; 0 turns it off.</summary>
    /// <value>The default value is 0 (off), as in the original, which had no listener.</value>
    public int MetricsPort { get; init; }
}

namespace Addons.Cleaner.Configuration;

/// <summary>
/// The cleaner's settings after parsing and validation (<see cref="CleanerSettings"/>). Each value comes
/// from its flag, else its environment variable, else the default written here (the original's
/// defaults, where it had the setting). The log level and metrics port are the kit's settings.
/// </summary>
internal sealed record CleanerOptions
{
    private int? _targetUsagePercent;

    /// <summary>Paths to watch and clean.</summary>
    /// <value>The default value is <c>/home/runner/_work</c> (the GitHub Actions runner work directory).</value>
    public IReadOnlyList<string> TargetPaths { get; set; } = ["/home/runner/_work"];

    /// <summary>A path is cleaned only when its usage is strictly above this percentage.</summary>
    /// <value>The default value is 80.</value>
    public int UsageThresholdPercent { get; set; } = 80;

    /// <summary>Minutes between the end of one cycle and the start of the next (interval mode).</summary>
    /// <value>The default value is 10.</value>
    public int CheckIntervalMinutes { get; set; } = 10;

    /// <summary>A file is a candidate only if it matches one of these.</summary>
    /// <value>The default value is <c>*</c> (every file).</value>
    public IReadOnlyList<string> IncludePatterns { get; set; } = ["*"];

    /// <summary>A file or directory matching one of these is never deleted (a directory is not entered).</summary>
    /// <value>The default value is <c>**/.git/**, **/node_modules/**, *.log</c>.</value>
    public IReadOnlyList<string> ExcludePatterns { get; set; } = ["**/.git/**", "**/node_modules/**", "*.log"];

    /// <value>The default value is <see cref="CleanupMode.Interval"/>.</value>
    public CleanupMode Mode { get; set; } = CleanupMode.Interval;

    /// <summary>Log what would be deleted and delete nothing.</summary>
    /// <value>The default value is false.</value>
    public bool DryRun { get; set; }

    /// <value>The default value is <see cref="CleanupStrategy.All"/> (the original's behaviour).</value>
    public CleanupStrategy Strategy { get; set; } = CleanupStrategy.All;

    /// <summary>Low watermark for <see cref="CleanupStrategy.OldestFirst"/>: stop once usage is at or below it.</summary>
    /// <value>The default value is <see cref="UsageThresholdPercent"/> (stop as soon as the path is no longer over it).</value>
    public int TargetUsagePercent
    {
        get => _targetUsagePercent ?? UsageThresholdPercent;
        set => _targetUsagePercent = value;
    }

    /// <summary>Files modified within this window are never deleted.</summary>
    /// <value>The default value is zero (off).</value>
    public TimeSpan MinFileAge { get; set; }

    /// <summary>Remove directories that deleting files left empty (never a target root or an excluded directory).</summary>
    /// <value>The default value is false.</value>
    public bool RemoveEmptyDirs { get; set; }

    /// <summary>Entries deeper than this below a target path are skipped (logged once per path and cycle).</summary>
    /// <value>The default value is 4096 (<see cref="Scanning.DirectoryWalker.DefaultMaxDepth"/>).</value>
    public int MaxDepth { get; set; } = Scanning.DirectoryWalker.DefaultMaxDepth;

    /// <summary>Accept system directories as target paths (see <see cref="SystemPathPolicy"/>): for the brave. <c>/</c>,
    /// <c>/proc</c>, <c>/sys</c> and <c>/dev</c> stay refused.</summary>
    /// <value>The default value is false.</value>
    public bool AllowSystemPaths { get; set; }
}

using Addons.Cleaner.Configuration;
using Addons.Kit.Settings;

namespace Addons.Cleaner.Tests.Configuration;

public sealed class CleanerSettingsTests
{
    private static ParsedSettings<CleanerOptions> Read(string[] args, Dictionary<string, string>? env = null) =>
        CleanerSettings.Definition.Parse(args, name => env?.GetValueOrDefault(name));

    private static CleanerOptions Parse(string[] args, Dictionary<string, string>? env = null)
    {
        var parsed = Read(args, env);
        Assert.Null(parsed.Error);
        return parsed.Options;
    }

    private static SettingsError Fails(string[] args, Dictionary<string, string>? env = null) =>
        Assert.IsType<SettingsError>(Read(args, env).Error);

    [Fact]
    public void Parse_Nothing_UsesTheOriginalDefaults()
    {
        var options = Parse([]);

        Assert.Equal(["/home/runner/_work"], options.TargetPaths);
        Assert.Equal(80, options.UsageThresholdPercent);
        Assert.Equal(10, options.CheckIntervalMinutes);
        Assert.Equal(["*"], options.IncludePatterns);
        Assert.Equal(["**/.git/**", "**/node_modules/**", "*.log"], options.ExcludePatterns);
        Assert.Equal(CleanupMode.Interval, options.Mode);
        Assert.False(options.DryRun);
        Assert.Equal(CleanupStrategy.All, options.Strategy);
        Assert.Equal(80, options.TargetUsagePercent);
        Assert.Equal(TimeSpan.Zero, options.MinFileAge);
        Assert.False(options.RemoveEmptyDirs);
        Assert.Equal(4096, options.MaxDepth);
        Assert.Equal("0", Read([]).ConfigurationDefaults["Health:Port"]);
        Assert.False(Read([]).Configuration.ContainsKey("Logging:Level"));
    }

    [Fact]
    public void Parse_Flags_SetEverySetting()
    {
        var parsed = Read([
            "--target-paths", " /data/a , /data/b ,", "--usage-threshold-percent=90", "-check-interval-minutes=5",
            "--include-patterns=*.tmp,*.{js,ts}", "--exclude-patterns=", "--cleanup-mode=ONCE", "--dry-run",
            "--log-level=Debug", "--strategy=oldest-first", "--target-usage-percent=70", "--min-file-age=1h30m",
            "--remove-empty-dirs=1", "--metrics-port=9090",
        ]);
        var options = parsed.Options;

        Assert.Null(parsed.Error);
        Assert.Equal(["/data/a", "/data/b"], options.TargetPaths);
        Assert.Equal(90, options.UsageThresholdPercent);
        Assert.Equal(5, options.CheckIntervalMinutes);
        Assert.Equal(["*.tmp", "*.{js,ts}"], options.IncludePatterns);
        Assert.Empty(options.ExcludePatterns);
        Assert.Equal(CleanupMode.Once, options.Mode);
        Assert.True(options.DryRun);
        Assert.Equal("Debug", parsed.Configuration["Logging:Level"]);
        Assert.Equal(CleanupStrategy.OldestFirst, options.Strategy);
        Assert.Equal(70, options.TargetUsagePercent);
        Assert.Equal(TimeSpan.FromMinutes(90), options.MinFileAge);
        Assert.True(options.RemoveEmptyDirs);
        Assert.Equal("9090", parsed.Configuration["Health:Port"]);
    }

    [Fact]
    public void Parse_Environment_SetsEverySetting()
    {
        var parsed = Read([], new()
        {
            ["TARGET_PATHS"] = "/x,/y",
            ["USAGE_THRESHOLD_PERCENT"] = "50",
            ["CHECK_INTERVAL_MINUTES"] = "3",
            ["INCLUDE_PATTERNS"] = "*.tmp",
            ["EXCLUDE_PATTERNS"] = "*.keep",
            ["CLEANUP_MODE"] = "once",
            ["DRY_RUN"] = "TRUE",
            ["LOG_LEVEL"] = "warn",
            ["STRATEGY"] = "oldest-first",
            ["TARGET_USAGE_PERCENT"] = "40",
            ["MIN_FILE_AGE"] = "10m",
            ["REMOVE_EMPTY_DIRS"] = "true",
            ["METRICS_PORT"] = "8080",
        });
        var options = parsed.Options;

        Assert.Null(parsed.Error);
        Assert.Equal(["/x", "/y"], options.TargetPaths);
        Assert.Equal(50, options.UsageThresholdPercent);
        Assert.Equal(3, options.CheckIntervalMinutes);
        Assert.Equal(["*.tmp"], options.IncludePatterns);
        Assert.Equal(["*.keep"], options.ExcludePatterns);
        Assert.Equal(CleanupMode.Once, options.Mode);
        Assert.True(options.DryRun);
        Assert.Equal("Warning", parsed.Configuration["Logging:Level"]);
        Assert.Equal(CleanupStrategy.OldestFirst, options.Strategy);
        Assert.Equal(40, options.TargetUsagePercent);
        Assert.Equal(TimeSpan.FromMinutes(10), options.MinFileAge);
        Assert.True(options.RemoveEmptyDirs);
        Assert.Equal("8080", parsed.Configuration["Health:Port"]);
    }

    [Fact]
    public void Parse_FlagAndEnvironment_FlagWins()
    {
        var options = Parse(["--usage-threshold-percent=95", "--dry-run=false", "--target-paths=/flag"],
            new() { ["USAGE_THRESHOLD_PERCENT"] = "10", ["DRY_RUN"] = "1", ["TARGET_PATHS"] = "/env" });

        Assert.Equal(95, options.UsageThresholdPercent);
        Assert.False(options.DryRun);
        Assert.Equal(["/flag"], options.TargetPaths);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void Parse_BooleanEnvironment_AcceptsTrueFalseOneZero(string value, bool expected)
    {
        Assert.Equal(expected, Parse([], new() { ["DRY_RUN"] = value }).DryRun);
    }

    [Theory]
    [InlineData("USAGE_THRESHOLD_PERCENT", "abc", "--usage-threshold-percent")]
    [InlineData("USAGE_THRESHOLD_PERCENT", "101", "--usage-threshold-percent")]
    [InlineData("USAGE_THRESHOLD_PERCENT", "-1", "--usage-threshold-percent")]
    [InlineData("CHECK_INTERVAL_MINUTES", "0", "--check-interval-minutes")]
    [InlineData("CHECK_INTERVAL_MINUTES", "1.5", "--check-interval-minutes")]
    [InlineData("DRY_RUN", "yes", "--dry-run")]
    [InlineData("REMOVE_EMPTY_DIRS", "on", "--remove-empty-dirs")]
    [InlineData("CLEANUP_MODE", "daily", "--cleanup-mode")]
    [InlineData("LOG_LEVEL", "verbose", "--log-level")]
    [InlineData("STRATEGY", "newest-first", "--strategy")]
    [InlineData("MIN_FILE_AGE", "10x", "--min-file-age")]
    [InlineData("MIN_FILE_AGE", "m", "--min-file-age")]
    [InlineData("METRICS_PORT", "70000", "--metrics-port")]
    [InlineData("TARGET_PATHS", " , ,", "--target-paths")]
    public void Parse_InvalidEnvironment_ThrowsNamingSettingAndAcceptedValues(string env, string value, string flag)
    {
        var error = Fails([], new() { [env] = value });

        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith($"configuration error: {flag} (env {env}): invalid value \"{value}\"; accepted values: ", error.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyEnvironment_CountsAsUnset()
    {
        var options = Parse([], new() { ["USAGE_THRESHOLD_PERCENT"] = "", ["TARGET_PATHS"] = "" });

        Assert.Equal(80, options.UsageThresholdPercent);
        Assert.Equal(["/home/runner/_work"], options.TargetPaths);
    }

    [Theory]
    [InlineData("--usage-threshold-percent=101")]
    [InlineData("--usage-threshold-percent=-1")]
    [InlineData("--check-interval-minutes=0")]
    [InlineData("--target-paths=")]
    [InlineData("--dry-run=maybe")]
    [InlineData("--no-such-flag=1")]
    [InlineData("stray")]
    [InlineData("--usage-threshold-percent")]
    public void Parse_InvalidFlag_Throws(string arg)
    {
        Fails([arg]);
    }

    [Fact]
    public void Parse_TargetUsageAboveThreshold_Throws()
    {
        var error = Fails(["--usage-threshold-percent=60", "--target-usage-percent=70"]);

        Assert.StartsWith("configuration error: --target-usage-percent (env TARGET_USAGE_PERCENT): 70 is above", error.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoTargetUsage_DefaultsToThreshold()
    {
        Assert.Equal(65, Parse(["--usage-threshold-percent=65"]).TargetUsagePercent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/proc")]
    [InlineData("/sys/")]
    [InlineData("/dev")]
    [InlineData("/etc")]
    [InlineData("/boot")]
    [InlineData("/usr")]
    [InlineData("/bin")]
    [InlineData("/lib")]
    [InlineData("/tmp/../etc")]
    [InlineData("/tmp/..")]
    public void Parse_DangerousRoot_ThrowsNamingThePath(string path)
    {
        var error = Fails([$"--target-paths=/tmp,{path}"]);

        Assert.StartsWith("configuration error: --target-paths (env TARGET_PATHS): refusing to clean", error.Line, StringComparison.Ordinal);
        Assert.Contains(path, error.Line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/usr/lib", "inside the system directory /usr")]
    [InlineData("/var/lib/kubelet", "/var/lib/kubelet is a system directory")]
    [InlineData("/var/lib/kubelet/pods", "inside the system directory /var/lib/kubelet")]
    [InlineData("/home", "/home itself is refused")]
    [InlineData("/root", "/root is a system directory")]
    [InlineData("/lib64", "/lib64 is a system directory")]
    [InlineData("/sbin", "/sbin is a system directory")]
    [InlineData("/opt", "/opt itself is refused")]
    [InlineData("/run", "/run is a system directory")]
    [InlineData("/var/run/containerd", "inside the system directory /var/run")]
    [InlineData("/etc/kubernetes", "inside the system directory /etc")]
    public void Parse_SystemPathOrSubpath_RefusedNamingTheRuleAndTheFlag(string path, string reason)
    {
        var error = Fails([$"--target-paths={path}"]);

        Assert.Contains(reason, error.Line, StringComparison.Ordinal);
        Assert.Contains("--allow-system-paths", error.Line, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("/home/runner/_work")]
    [InlineData("/var/lib/ci")]
    [InlineData("/opt/hostedtoolcache")]
    [InlineData("/tmp/build")]
    public void Parse_OrdinaryDirectoryBelowARefusedParent_Accepted(string path)
    {
        Assert.Equal([path], Parse([$"--target-paths={path}"]).TargetPaths);
    }

    [Fact]
    public void Parse_AllowSystemPaths_LiftsSystemDirectoriesButNotRootOrPseudoFilesystems()
    {
        Assert.True(Parse(["--target-paths=/usr/lib,/home,/var/lib/kubelet/pods", "--allow-system-paths"]).AllowSystemPaths);
        Assert.True(Parse(["--target-paths=/usr/lib"], new() { ["ALLOW_SYSTEM_PATHS"] = "true" }).AllowSystemPaths);
        Assert.Contains("never accepted", Fails(["--target-paths=/", "--allow-system-paths"]).Line, StringComparison.Ordinal);
        Assert.Contains("never accepted", Fails(["--target-paths=/proc/1", "--allow-system-paths"]).Line, StringComparison.Ordinal);
        Assert.Contains("never accepted", Fails(["--target-paths=/tmp/..", "--allow-system-paths"]).Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostRootMountedUnderAnotherName_Refused()
    {
        // The chart renders hostPath / as /targets/root: the name says nothing, the contents do.
        using var tree = new TestSupport.TempTree();
        tree.File("root/etc/passwd");
        tree.Dir("root/usr/bin");
        tree.Dir("root/var/lib");
        tree.File("work/etc/app.conf");
        tree.Dir("work/usr");

        var error = Fails([$"--target-paths={tree.PathOf("root")}"]);

        Assert.Contains("looks like a host's root filesystem", error.Line, StringComparison.Ordinal);
        Assert.Equal([tree.PathOf("work")], Parse([$"--target-paths={tree.PathOf("work")}"]).TargetPaths);
        Assert.True(Parse([$"--target-paths={tree.PathOf("root")}", "--allow-system-paths"]).AllowSystemPaths);
    }

    [Fact]
    public void Parse_SymlinkToDangerousRoot_Throws()
    {
        using var tree = new TestSupport.TempTree();
        tree.Symlink("etc-link", "/etc");

        Fails([$"--target-paths={tree.PathOf("etc-link")}"]);
    }

    [Fact]
    public void Parse_Version_ReturnsVersionRequestWithoutValidatingTheRest()
    {
        var command = CleanerSettings.Definition.Parse(["--version"], name => name == "USAGE_THRESHOLD_PERCENT" ? "500" : null);

        Assert.True(command.VersionRequested);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("500ms", 0.5)]
    public void Parse_MinFileAge_GoDurations(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Parse(["--min-file-age=" + text]).MinFileAge);
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData(" a , , b ,", new[] { "a", "b" })]
    [InlineData("*.{js,ts},*.md", new[] { "*.{js,ts}", "*.md" })]
    [InlineData("{a,{b,c}},d", new[] { "{a,{b,c}}", "d" })]
    [InlineData(@"a\,b,c", new[] { @"a\,b", "c" })]
    [InlineData("", new string[0])]
    public void Parse_IncludePatterns_KeepsBracesTogether(string value, string[] expected)
    {
        Assert.Equal(expected, Parse(["--include-patterns=" + value]).IncludePatterns);
    }

    [Fact]
    public void Parse_InvalidGlob_Exit1NamingThePattern()
    {
        var error = Fails(["--exclude-patterns=ok,file.{txt"]);

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("configuration error: --exclude-patterns (env EXCLUDE_PATTERNS): ", error.Line, StringComparison.Ordinal);
        Assert.Contains("file.{txt", error.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MaxDepth_FlagOrEnvAndAtLeastOne()
    {
        Assert.Equal(64, Parse(["--max-depth=64"]).MaxDepth);
        Assert.Equal(128, Parse([], new() { ["MAX_DEPTH"] = "128" }).MaxDepth);

        var error = Fails(["--max-depth=0"]);
        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith("configuration error: --max-depth (env MAX_DEPTH): ", error.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpText_ListsEveryFlagWithItsVariable()
    {
        var help = CleanerSettings.Definition.HelpText();

        (string Flag, string Env)[] expected = [("target-paths", "TARGET_PATHS"), ("dry-run", "DRY_RUN"), ("log-level", "LOG_LEVEL"), ("metrics-port", "METRICS_PORT"), ("min-file-age", "MIN_FILE_AGE"), ("max-depth", "MAX_DEPTH")];
        foreach (var (flag, env) in expected)
        {
            Assert.Matches($@"--{flag}( VALUE)? +env {env}\n", help);
        }

        Assert.Contains("default /home/runner/_work", help, StringComparison.Ordinal);
        Assert.Contains("default the threshold", help, StringComparison.Ordinal);
    }
}

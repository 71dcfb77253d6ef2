using Addons.Kit.Hosting;
using Addons.Kit.Settings;

namespace Addons.Kit.Tests.Settings;

public sealed class AddonSettingsTests
{
    private static AddonSettings<TestOptions> Definition(bool acceptsArguments = false, bool requireOrg = false) => new("demo", "A demo addon.")
    {
        { "paths", "PATHS", SettingValues.List().Where("a comma-separated, non-empty list of directories", l => l.Count > 0), o => o.Paths, (o, v) => o.Paths = v, "Paths to clean" },
        { "threshold", "THRESHOLD", SettingValues.Integer(0, 100), o => o.Threshold, (o, v) => o.Threshold = v, "Clean above this percentage" },
        { "dry-run", "DRY_RUN", SettingValues.Boolean(), o => o.DryRun, (o, v) => o.DryRun = v, "Delete nothing", 'n' },
        { "min-age", "MIN_AGE", SettingValues.Duration(), o => o.Age, (o, v) => o.Age = v, "Keep newer files" },
        { "mode", "MODE", SettingValues.Words("once", "interval"), o => o.Mode, (o, v) => o.Mode = v, "How often" },
        { "context", "KUBECONFIG_CONTEXT", SettingValues.Text(), o => o.Context, (o, v) => o.Context = v, "Context", 'c' },
        new OptionSetting<TestOptions, string>(SettingValues.Text("a GitHub token"), o => o.Token, (o, v) => o.Token = v) { Env = "GITHUB_TOKEN", Secret = true },
        new OptionSetting<TestOptions, string>(SettingValues.Text(), o => o.Org, (o, v) => o.Org = v) { Flag = "org", Env = "GITHUB_ORG", Required = requireOrg },
        KitSettings.HealthPort with { Flag = "metrics-port", Env = "METRICS_PORT", Default = "0" },
        KitSettings.LogLevel with { Env = "LOG_LEVEL" },
    };

    private static ParsedSettings<TestOptions> Parse(string[] args, Dictionary<string, string>? env = null, AddonSettings<TestOptions>? definition = null) =>
        (definition ?? Definition()).Parse(args, name => env?.GetValueOrDefault(name));

    private static string ErrorLine(string[] args, Dictionary<string, string>? env = null, AddonSettings<TestOptions>? definition = null)
    {
        var parsed = Parse(args, env, definition);
        Assert.False(parsed.ShouldRun);
        var error = Assert.IsType<SettingsError>(parsed.Error);
        Assert.Equal(2, error.ExitCode);
        Assert.DoesNotContain('\n', error.Line);
        Assert.StartsWith("configuration error: ", error.Line, StringComparison.Ordinal);
        return error.Line;
    }

    [Fact]
    public void Parse_Nothing_KeepsTheOptionsClassDefaults()
    {
        var parsed = Parse([]);

        Assert.True(parsed.ShouldRun);
        Assert.Equal(["/home/runner/_work"], parsed.Options.Paths);
        Assert.Equal(80, parsed.Options.Threshold);
        Assert.False(parsed.Options.DryRun);
        Assert.Equal(TimeSpan.FromMinutes(10), parsed.Options.Age);
        Assert.Empty(parsed.Configuration);
        Assert.Equal("0", parsed.ConfigurationDefaults["Health:Port"]);
    }

    [Fact]
    public void Parse_EveryFlagForm_SetsTheOptions()
    {
        var parsed = Parse(["--paths", "/a, /b ,", "-threshold=90", "--dry-run", "--min-age=1h30m", "--mode", "ONCE", "-c", "prod", "--metrics-port=9090", "--log-level", "debug"]);

        Assert.Null(parsed.Error);
        Assert.Equal(["/a", "/b"], parsed.Options.Paths);
        Assert.Equal(90, parsed.Options.Threshold);
        Assert.True(parsed.Options.DryRun);
        Assert.Equal(TimeSpan.FromMinutes(90), parsed.Options.Age);
        Assert.Equal("once", parsed.Options.Mode);
        Assert.Equal("prod", parsed.Options.Context);
        Assert.Equal("9090", parsed.Configuration["Health:Port"]);
        Assert.Equal("Debug", parsed.Configuration["Logging:Level"]);
    }

    [Theory]
    [InlineData("--dry-run", true)]
    [InlineData("-n", true)]
    [InlineData("--dry-run=false", false)]
    [InlineData("--dry-run=0", false)]
    [InlineData("--dry-run=TRUE", true)]
    public void Parse_Switch_BareMeansTrueAndInlineValueIsRead(string arg, bool expected)
    {
        Assert.Equal(expected, Parse([arg]).Options.DryRun);
    }

    [Fact]
    public void Parse_SwitchFollowedByWord_DoesNotConsumeIt()
    {
        var parsed = Parse(["--dry-run", "false"], definition: Definition(acceptsArguments: true));

        Assert.True(parsed.Options.DryRun);
        Assert.Equal(["false"], parsed.Arguments);
    }

    [Fact]
    public void Parse_FlagEnvironmentDefault_FlagWinsThenEnvironment()
    {
        var env = new Dictionary<string, string> { ["THRESHOLD"] = "10", ["DRY_RUN"] = "1", ["PATHS"] = "/env", ["METRICS_PORT"] = "8081", ["LOG_LEVEL"] = "warn" };

        var parsed = Parse(["--threshold=95", "--dry-run=false"], env);

        Assert.Equal(95, parsed.Options.Threshold);
        Assert.False(parsed.Options.DryRun);
        Assert.Equal(["/env"], parsed.Options.Paths);
        Assert.Equal("8081", parsed.Configuration["Health:Port"]);
        Assert.Equal("Warning", parsed.Configuration["Logging:Level"]);
    }

    [Fact]
    public void Parse_EmptyEnvironmentVariable_CountsAsUnset()
    {
        var parsed = Parse([], new() { ["THRESHOLD"] = "", ["PATHS"] = "" });

        Assert.Null(parsed.Error);
        Assert.Equal(80, parsed.Options.Threshold);
        Assert.Equal(["/home/runner/_work"], parsed.Options.Paths);
    }

    [Fact]
    public void Parse_RepeatedFlag_LastWins()
    {
        Assert.Equal(7, Parse(["--threshold=5", "--threshold", "7"]).Options.Threshold);
    }

    [Fact]
    public void Parse_InvalidFlagValue_OneLineNamingFlagEnvValueAndAccepted()
    {
        Assert.Equal(
            "configuration error: --threshold (env THRESHOLD): invalid value \"101\"; accepted values: an integer from 0 to 100",
            ErrorLine(["--threshold=101"]));
    }

    [Theory]
    [InlineData("THRESHOLD", "abc", "--threshold (env THRESHOLD)")]
    [InlineData("DRY_RUN", "yes", "--dry-run (env DRY_RUN): invalid value \"yes\"; accepted values: true, false, 1 or 0")]
    [InlineData("MIN_AGE", "10x", "--min-age (env MIN_AGE)")]
    [InlineData("MODE", "daily", "accepted values: once or interval")]
    [InlineData("PATHS", " , ,", "--paths (env PATHS)")]
    [InlineData("METRICS_PORT", "70000", "--metrics-port (env METRICS_PORT): invalid value \"70000\"; accepted values: an integer from 0 to 65535 (0 = off)")]
    [InlineData("LOG_LEVEL", "loud", "--log-level (env LOG_LEVEL)")]
    public void Parse_InvalidEnvironment_LineNamesFlagAndVariable(string env, string value, string expected)
    {
        Assert.Contains(expected, ErrorLine([], new() { [env] = value }), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecretInvalid_ValueNeverEchoed()
    {
        var definition = new AddonSettings<TestOptions>("demo", string.Empty)
        {
            new OptionSetting<TestOptions, string>(SettingValues.Text().Where("a token starting with xoxb-", t => t.StartsWith("xoxb-", StringComparison.Ordinal)), o => o.Token, (o, v) => o.Token = v)
            {
                Env = "SLACK_TOKEN", Secret = true,
            },
        };

        var line = ErrorLine([], new() { ["SLACK_TOKEN"] = "hunter2-secret" }, definition);

        Assert.Equal("configuration error: SLACK_TOKEN: invalid value; accepted values: a token starting with xoxb-", line);
    }

    [Fact]
    public void Parse_RequiredMissing_LineNamesIt()
    {
        Assert.Equal(
            "configuration error: --org (env GITHUB_ORG): required but not set; accepted values: a string",
            ErrorLine([], definition: Definition(requireOrg: true)));
        Assert.Null(Parse([], new() { ["GITHUB_ORG"] = "acme" }, Definition(requireOrg: true)).Error);
    }

    [Fact]
    public void Parse_UnknownFlag_LineListsAcceptedFlags()
    {
        var line = ErrorLine(["--nope=1"]);

        Assert.StartsWith("configuration error: --nope: unknown flag; accepted flags: --paths, --threshold,", line, StringComparison.Ordinal);
        Assert.EndsWith("--help, --version", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingValue_LineNamesTheFlag()
    {
        Assert.StartsWith("configuration error: --threshold (env THRESHOLD): missing value;", ErrorLine(["--threshold"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrayArgument_RejectedUnlessAccepted()
    {
        Assert.Contains("\"stray\": unexpected argument", ErrorLine(["stray"]), StringComparison.Ordinal);

        var parsed = Parse(["pause", "-c", "x", "--", "--all"], definition: Definition(acceptsArguments: true));
        Assert.Equal(["pause", "--all"], parsed.Arguments);
        Assert.Equal("x", parsed.Options.Context);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_SkipsValidation(string flag)
    {
        var parsed = Parse(["--threshold=500", flag], new() { ["DRY_RUN"] = "maybe" });

        Assert.True(parsed.HelpRequested);
        Assert.Null(parsed.Error);
        Assert.False(parsed.ShouldRun);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    [InlineData("-version")]
    public void Parse_Version_SkipsValidation(string flag)
    {
        var parsed = Parse([flag], new() { ["THRESHOLD"] = "500" });

        Assert.True(parsed.VersionRequested);
        Assert.Null(parsed.Error);
    }

    [Fact]
    public void Parse_SectionKeyFlag_PassesThroughToConfiguration()
    {
        var parsed = Parse(["--Health:BindAddress=127.0.0.1", "--Shutdown:DrainTimeout", "00:00:05"]);

        Assert.Equal("127.0.0.1", parsed.Configuration["Health:BindAddress"]);
        Assert.Equal("00:00:05", parsed.Configuration["Shutdown:DrainTimeout"]);
    }

    [Fact]
    public void Parse_KitDuration_WrittenInTheBindersFormat()
    {
        var definition = new AddonSettings<TestOptions>("demo", string.Empty) { KitSettings.Host };

        Assert.Equal("00:00:40", definition.Parse(["--shutdown-timeout=40s"], _ => null).Configuration["Shutdown:Timeout"]);
        Assert.Contains("at most 10m", definition.Parse(["--shutdown-timeout=1h"], _ => null).Error!.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Check_RunsAfterEverySettingWithItsError()
    {
        var definition = new AddonSettings<TestOptions>("demo", string.Empty)
        {
            { "threshold", "THRESHOLD", SettingValues.Integer(0, 100), o => o.Threshold, (o, v) => o.Threshold = v, "Threshold" },
            { "target", "TARGET", SettingValues.Integer(0, 100), o => o.Target ?? 0, (o, v) => o.Target = v, "Target" },
        };
        definition = new AddonSettings<TestOptions>("demo", string.Empty)
        {
            Check = (o, s) => o.Target > o.Threshold ? SettingsError.For(s["target"], $"{o.Target} is above --threshold {o.Threshold}") : null,
        };
        definition.Add(new OptionSetting<TestOptions, int>(SettingValues.Integer(0, 100), o => o.Threshold, (o, v) => o.Threshold = v) { Flag = "threshold" });
        definition.Add(new OptionSetting<TestOptions, int>(SettingValues.Integer(0, 100), o => o.Target ?? 0, (o, v) => o.Target = v) { Flag = "target", Env = "TARGET" });

        Assert.Null(definition.Parse(["--target=50"], _ => null).Error);
        Assert.Equal(
            "configuration error: --target (env TARGET): 90 is above --threshold 80; accepted values: an integer from 0 to 100",
            definition.Parse([], name => name == "TARGET" ? "90" : null).Error!.Line);
    }

    [Fact]
    public void Add_DuplicateFlag_Throws()
    {
        var definition = Definition();

        Assert.Throws<ArgumentException>(() => definition.Add(KitSettings.HealthPort with { Flag = "threshold" }));
    }
}

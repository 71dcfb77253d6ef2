using Addons.Karc.Cli;
using Addons.Kit.Settings;
using Microsoft.Extensions.Logging;

namespace Karc.Tests.Cli;

/// <summary>karc's flags on the kit's settings front-end: forms, environment variables, defaults and errors.</summary>
public class KarcSettingsTests
{
    private static ParsedSettings<KarcOptions> Parse(params string[] args) => KarcSettings.Definition.Parse(args, _ => null);

    [Fact]
    public void Parse_StatusWithFlagsAnywhere_ReadsAll()
    {
        var s = Parse("-c", "prod", "status", "general", "--timezone=Asia/Seoul", "-o", "wide", "--log-level", "debug");
        Assert.Null(s.Error);
        Assert.Equal(new KarcCommand("status", "general"), KarcCommand.Parse(s.Arguments));
        Assert.Equal("prod", s.Configuration["Kubernetes:Context"]);
        Assert.Equal("Asia/Seoul", s.Options.TimeZone);
        Assert.Equal(OutputFormat.Wide, s.Options.Output);
        Assert.Equal(LogLevel.Debug, KarcCli.CliLogLevel(s));
    }

    [Theory]
    [InlineData("--log-level=Debug")]
    [InlineData("--log-level=debug")]
    [InlineData("-log-level=debug")]
    public void Parse_LogLevelWithEquals_ReadOnceForCliAndHost(string flag)
    {
        var s = Parse("controller", flag, "--log-level", "Debug");
        Assert.Null(s.Error);
        Assert.Equal(LogLevel.Debug, KarcCli.CliLogLevel(s));
        Assert.Equal("Debug", Assert.Single(s.Configuration, c => c.Key == "Logging:Level").Value);
    }

    [Fact]
    public void Parse_PauseAllWithYesAndDryRun()
    {
        var s = Parse("pause", "ALL", "-y", "--dry-run");
        Assert.Equal(new KarcCommand("pause", "ALL"), KarcCommand.Parse(s.Arguments));
        Assert.True(s.Options.Yes);
        Assert.True(s.Options.DryRun);
    }

    [Fact]
    public void Parse_Environment_ProvidesDefaultsFlagsWin()
    {
        var env = new Dictionary<string, string> { ["KUBECONFIG_CONTEXT"] = "staging", ["KARC_LOG_LEVEL"] = "error" };
        var s = KarcSettings.Definition.Parse(["status"], k => env.GetValueOrDefault(k));
        Assert.Equal("staging", s.Configuration["Kubernetes:Context"]);
        Assert.Equal(LogLevel.Error, KarcCli.CliLogLevel(s));
        Assert.Equal("other", KarcSettings.Definition.Parse(["--context", "other", "status"], k => env.GetValueOrDefault(k)).Configuration["Kubernetes:Context"]);
    }

    [Fact]
    public void Parse_Defaults_WarnAndTable()
    {
        var s = Parse("status");
        Assert.Equal(LogLevel.Warning, KarcCli.CliLogLevel(s));
        Assert.Equal(OutputFormat.Table, s.Options.Output);
        Assert.False(s.Configuration.ContainsKey("Kubernetes:Context"));
        Assert.False(s.Configuration.ContainsKey("Logging:Level"));
        Assert.Null(KarcCommand.Parse(s.Arguments).Target);
    }

    [Fact]
    public void Parse_ControllerFlags_WriteTheKitsKeys()
    {
        var s = Parse("controller", "--kubeconfig", "/k", "--health-port", "0", "--leader-elect=false", "--lease-namespace", "ops", "--LeaderElection:LeaseName=x");
        Assert.Null(s.Error);
        Assert.Equal(new KarcCommand("controller", null), KarcCommand.Parse(s.Arguments));
        Assert.Equal("/k", s.Configuration["Kubernetes:Kubeconfig"]);
        Assert.Equal("0", s.Configuration["Health:Port"]);
        Assert.Equal("false", s.Configuration["LeaderElection:Enabled"]);
        Assert.Equal("ops", s.Configuration["LeaderElection:LeaseNamespace"]);
        Assert.Equal("x", s.Configuration["LeaderElection:LeaseName"]);
    }

    [Theory]
    [InlineData("-V")]
    [InlineData("--version")]
    public void Parse_Version_NeedsNoCommand(string flag) => Assert.True(Parse(flag).VersionRequested);

    [Theory]
    [InlineData(new[] { "status", "--bogus" }, "--bogus: unknown flag; accepted flags: --context")]
    [InlineData(new[] { "status", "-o", "xml" }, "--output: invalid value \"xml\"; accepted values: table, wide, json or yaml")]
    [InlineData(new[] { "status", "--log-level", "loud" }, "--log-level (env KARC_LOG_LEVEL): invalid value \"loud\"")]
    [InlineData(new[] { "status", "--context" }, "--context (env KUBECONFIG_CONTEXT): missing value")]
    [InlineData(new[] { "status", "--yes=no" }, "--yes: invalid value \"no\"")]
    [InlineData(new[] { "controller", "--health-port", "http" }, "--health-port: invalid value \"http\"; accepted values: an integer from 0 to 65535")]
    public void Parse_BadFlag_OneLineNamingFlagAndAccepted(string[] args, string message)
    {
        var error = KarcSettings.Definition.Parse(args, _ => null).Error;
        Assert.NotNull(error);
        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith(SettingsError.Prefix, error.Line, StringComparison.Ordinal);
        Assert.Contains(message, error.Line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Line);
    }

    [Fact]
    public void Parse_BadLogLevelEnv_NamesFlagAndVariable()
    {
        var error = KarcSettings.Definition.Parse(["status"], k => k == "KARC_LOG_LEVEL" ? "loud" : null).Error;
        Assert.NotNull(error);
        Assert.Contains("--log-level (env KARC_LOG_LEVEL): invalid value \"loud\"; accepted values: trace", error.Line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "a command is required")]
    [InlineData(new[] { "frobnicate" }, "unknown command: frobnicate")]
    [InlineData(new[] { "pause" }, "exactly one argument")]
    [InlineData(new[] { "resume", "a", "b" }, "exactly one argument")]
    [InlineData(new[] { "status", "a", "b" }, "at most one")]
    [InlineData(new[] { "controller", "extra" }, "controller takes no arguments")]
    public void KarcCommandParse_BadArguments_ThrowsUsage(string[] arguments, string message)
    {
        var e = Assert.Throws<CliUsageException>(() => KarcCommand.Parse(arguments));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpText_ListsCommandsFlagsVariablesAndControllerFlags()
    {
        var help = KarcSettings.Definition.HelpText();
        foreach (var expected in new[] { "pause  <NODEPOOL|all>", "-c, --context VALUE", "KUBECONFIG_CONTEXT", "KARC_LOG_LEVEL", "-o, --output VALUE", "Controller:", "--lease-namespace", "130" })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }
    }
}

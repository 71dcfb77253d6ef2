using Addons.Karc.Cli;
using Microsoft.Extensions.Logging;

namespace Karc.Tests.Cli;

public class CliParserTests
{
    private static CliOptions Parse(params string[] args) => CliParser.Parse(args, _ => null);

    [Fact]
    public void Parse_StatusWithFlagsAnywhere_ReadsAll()
    {
        var o = Parse("-c", "prod", "status", "general", "--timezone=Asia/Seoul", "-o", "wide", "--log-level", "debug");
        Assert.Equal("status", o.Verb);
        Assert.Equal("general", o.Target);
        Assert.Equal("prod", o.Context);
        Assert.Equal("Asia/Seoul", o.TimeZone);
        Assert.Equal(OutputFormat.Wide, o.Output);
        Assert.Equal(LogLevel.Debug, o.LogLevel);
    }

    [Fact]
    public void Parse_PauseAllWithYesAndDryRun()
    {
        var o = Parse("pause", "ALL", "-y", "--dry-run");
        Assert.Equal("pause", o.Verb);
        Assert.Equal("ALL", o.Target);
        Assert.True(o.Yes);
        Assert.True(o.DryRun);
    }

    [Fact]
    public void Parse_Environment_ProvidesDefaults()
    {
        var env = new Dictionary<string, string> { ["KUBECONFIG_CONTEXT"] = "staging", ["KARC_LOG_LEVEL"] = "error" };
        var o = CliParser.Parse(["status"], k => env.GetValueOrDefault(k));
        Assert.Equal("staging", o.Context);
        Assert.Equal(LogLevel.Error, o.LogLevel);
        Assert.Equal("other", CliParser.Parse(["--context", "other", "status"], k => env.GetValueOrDefault(k)).Context);
    }

    [Fact]
    public void Parse_Defaults_WarnAndTable()
    {
        var o = Parse("status");
        Assert.Equal(LogLevel.Warning, o.LogLevel);
        Assert.Equal(OutputFormat.Table, o.Output);
        Assert.Null(o.Context);
        Assert.Null(o.Target);
    }

    [Fact]
    public void Parse_Controller_PassesRestToHost()
    {
        var o = Parse("--log-level", "info", "controller", "--LeaderElection:LeaseName=karc", "-x");
        Assert.Equal("controller", o.Verb);
        Assert.Equal(["--LeaderElection:LeaseName=karc", "-x"], o.HostArgs);
    }

    [Theory]
    [InlineData("-V")]
    [InlineData("--version")]
    public void Parse_Version_NeedsNoCommand(string flag)
    {
        Assert.True(Parse(flag).ShowVersion);
    }

    [Theory]
    [InlineData(new string[0], "a command is required")]
    [InlineData(new[] { "status", "--bogus" }, "unknown flag: --bogus")]
    [InlineData(new[] { "frobnicate" }, "unknown command: frobnicate")]
    [InlineData(new[] { "pause" }, "exactly one argument")]
    [InlineData(new[] { "resume", "a", "b" }, "exactly one argument")]
    [InlineData(new[] { "status", "a", "b" }, "at most one")]
    [InlineData(new[] { "status", "-o", "xml" }, "invalid --output: xml")]
    [InlineData(new[] { "status", "--log-level", "loud" }, "invalid --log-level: loud")]
    [InlineData(new[] { "status", "--context" }, "needs a value")]
    [InlineData(new[] { "status", "--yes=no" }, "takes no value")]
    public void Parse_BadInput_ThrowsUsage(string[] args, string message)
    {
        var e = Assert.Throws<CliUsageException>(() => CliParser.Parse(args, _ => null));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadLogLevelEnv_NamesTheVariable()
    {
        var e = Assert.Throws<CliUsageException>(() => CliParser.Parse(["status"], k => k == "KARC_LOG_LEVEL" ? "loud" : null));
        Assert.Contains("KARC_LOG_LEVEL", e.Message, StringComparison.Ordinal);
    }
}

using Addons.Kit.Logging;
using Serilog;

namespace Addons.Kit.Tests.Logging;

/// <summary><c>Logging:Output</c>: stdout by default, stderr for a job whose stdout is its output.</summary>
[Collection(ConsoleRedirection.Name)]
public sealed class LogOutputTests
{
    [Theory]
    [InlineData("stderr", "text", true)]
    [InlineData("stderr", "json", true)]
    [InlineData("stdout", "text", false)]
    public void Configure_Output_LinesGoToThatStream(string output, string format, bool toError)
    {
        var marker = "log-output-" + Guid.NewGuid().ToString("N");
        var (stdout, stderr) = ConsoleRedirection.Capture(() =>
        {
            var options = new LoggingOptions { Output = output, Format = format };
            using var logger = AddonLogging.Configure(new LoggerConfiguration(), options, "test", stdoutIsTerminal: false).CreateLogger();
            logger.Warning("{Marker}", marker);
        });

        Assert.Equal(toError, stderr.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(!toError, stdout.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void Output_Default_IsStdout()
    {
        Assert.Equal("stdout", new LoggingOptions().Output);
    }
}

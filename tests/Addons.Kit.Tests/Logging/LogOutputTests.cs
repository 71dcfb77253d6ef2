using System.Text;
using Addons.Kit.Logging;
using Serilog;

namespace Addons.Kit.Tests.Logging;

/// <summary><c>Logging:Output</c>: stdout by default, stderr for a job whose stdout is its output.</summary>
public sealed class LogOutputTests
{
    [Theory]
    [InlineData("stderr", "text", true)]
    [InlineData("stderr", "json", true)]
    [InlineData("stdout", "text", false)]
    [InlineData("stdout", "json", false)]
    public void Configure_Output_LinesGoToThatStream(string output, string format, bool toError)
    {
        var marker = "log-output-" + Guid.NewGuid().ToString("N");
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var options = new LoggingOptions { Output = output, Format = format };
        using (var logger = AddonLogging.Configure(new LoggerConfiguration(), options, "test", stdoutIsTerminal: false, new LogStreams(() => stdout, () => stderr))
                   .CreateLogger())
        {
            logger.Warning("{Marker}", marker);
        }

        Assert.Equal(toError, Encoding.UTF8.GetString(stderr.ToArray()).Contains(marker, StringComparison.Ordinal));
        Assert.Equal(!toError, Encoding.UTF8.GetString(stdout.ToArray()).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void Output_Default_IsStdout()
    {
        Assert.Equal("stdout", new LoggingOptions().Output);
    }
}

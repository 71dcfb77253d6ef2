using Addons.Karc.Cli;
using Addons.Kit.Kubernetes.Config;

namespace Karc.Tests.Cli;

public class KarcCliTests
{
    internal static (CliRuntime Runtime, StringWriter Out, StringWriter Err) Runtime(
        Func<string?, KubeConnection>? connect = null, string input = "", bool tty = false, Func<string, CancellationToken, Task>? beforeWrite = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runtime = new CliRuntime
        {
            Console = new CliConsole
            {
                Out = stdout,
                Error = stderr,
                In = new StringReader(input),
                IsInputTerminal = tty,
                IsOutputTerminal = false,
                Environment = _ => null,
            },
            Connect = connect ?? (_ => throw new InvalidOperationException("no API call expected")),
            BeforeWrite = beforeWrite,
        };
        return (runtime, stdout, stderr);
    }

    [Theory]
    [InlineData("KST")]
    [InlineData("Invalid/Zone")]
    public async Task RunAsync_InvalidTimezone_Exit2BeforeAnyApiCall(string zone)
    {
        var (runtime, _, err) = Runtime();
        var code = await KarcCli.RunAsync(["status", "--timezone", zone], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"Invalid timezone: {zone}", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownFlag_Exit2()
    {
        var (runtime, _, err) = Runtime();
        Assert.Equal(ExitCodes.Usage, await KarcCli.RunAsync(["status", "--nope"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("unknown flag: --nope", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsVersionExit0()
    {
        var (runtime, stdout, _) = Runtime();
        Assert.Equal(ExitCodes.Success, await KarcCli.RunAsync(["-V"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("karc ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageToStdout()
    {
        var (runtime, stdout, _) = Runtime();
        Assert.Equal(ExitCodes.Success, await KarcCli.RunAsync(["--help"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("pause  <NODEPOOL|all>", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnreachableApi_Exit1WithOneLine()
    {
        var (runtime, _, err) = Runtime(_ => KubeConnection.ForServer(new Uri("http://127.0.0.1:1")));
        Assert.Equal(ExitCodes.Failure, await KarcCli.RunAsync(["status"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.StartsWith("error: cannot reach the Kubernetes API", err.ToString(), StringComparison.Ordinal);
    }
}

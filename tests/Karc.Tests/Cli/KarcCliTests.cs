using Addons.Kit.Shutdown;
using Addons.Karc.Cli;
using Addons.Kit.Kubernetes.Config;

namespace Karc.Tests.Cli;

public class KarcCliTests
{
    internal static (CliRuntime Runtime, StringWriter Out, StringWriter Err) Runtime(
        Func<string?, string?, KubeConnection>? connect = null, string input = "", bool tty = false, Func<string, CancellationToken, Task>? beforeWrite = null)
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
            Connect = connect ?? ((_, _) => throw new InvalidOperationException("no API call expected")),
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
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains($"Invalid timezone: {zone}", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownFlag_Exit2()
    {
        var (runtime, _, err) = Runtime();
        Assert.Equal(ExitCodes.Configuration, await KarcCli.RunAsync(["status", "--nope"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        var line = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error: --nope: unknown flag; accepted flags: --context, --kubeconfig", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsVersionExit0()
    {
        var (runtime, stdout, _) = Runtime();
        Assert.Equal(ExitCodes.Clean, await KarcCli.RunAsync(["-V"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith("karc ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageToStdout()
    {
        var (runtime, stdout, _) = Runtime();
        Assert.Equal(ExitCodes.Clean, await KarcCli.RunAsync(["--help"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("pause  <NODEPOOL|all>", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("controller", "--help")]
    [InlineData("--help", "controller")]
    [InlineData("controller", "-V")]
    public async Task RunAsync_ControllerHelpOrVersion_Exit0WithoutCluster(string first, string second)
    {
        // No connection is possible here (Connect throws), and the kit's host is never built.
        var (runtime, stdout, _) = Runtime();
        Assert.Equal(ExitCodes.Clean, await KarcCli.RunAsync([first, second, "--kubeconfig", "/nonexistent/kubeconfig"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(second == "-V" ? "karc " : "--lease-namespace", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadLogLevelEnv_Exit2OneLineNamingFlagAndVariable()
    {
        var (runtime, _, err) = Runtime();
        var env = new CliRuntime { Console = new CliConsole { Out = TextWriter.Null, Error = err, In = TextReader.Null, Environment = k => k == "KARC_LOG_LEVEL" ? "loud" : null }, Connect = runtime.Connect };
        Assert.Equal(ExitCodes.Configuration, await KarcCli.RunAsync(["status"], env, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        var line = Assert.Single(err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error: --log-level (env KARC_LOG_LEVEL): invalid value \"loud\"; accepted values:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Exit2OneLine()
    {
        var (runtime, _, err) = Runtime();
        Assert.Equal(ExitCodes.Configuration, await KarcCli.RunAsync(["frobnicate"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("error: unknown command: frobnicate (accepted: status, pause, resume, controller) (see karc --help)", err.ToString().TrimEnd('\n'));
    }

    [Fact]
    public async Task RunAsync_UnreachableApi_Exit1WithOneLine()
    {
        var (runtime, _, err) = Runtime((_, _) => KubeConnection.ForServer(new Uri("http://127.0.0.1:1")));
        Assert.Equal(ExitCodes.Failure, await KarcCli.RunAsync(["status"], runtime, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.StartsWith("error: cannot reach the Kubernetes API", err.ToString(), StringComparison.Ordinal);
    }
}

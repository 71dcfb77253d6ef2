using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Addons.Kit.Testing;

namespace Addons.Sandbox.Tests;

/// <summary>
/// The README's first command, end to end: the sandbox binary starts the emulator, seeds it, starts the
/// addons, the printed kubectl command works against it, and SIGTERM stops everything with exit 0.
/// </summary>
public sealed class SandboxProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly string _state = Directory.CreateTempSubdirectory("sandbox-test-").FullName;

    [Fact]
    public async Task Run_StartedThenTerminated_SeedsServesKubectlAndExitsZero()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var port = FreePort();
        using var sandbox = StartSandbox("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state-dir", _state);
        var output = new OutputLog(sandbox);

        await output.WaitForLineAsync(l => l.Contains("Ctrl+C stops everything.", StringComparison.Ordinal), timeout.Token);
        Assert.Contains($"http://127.0.0.1:{port}/", output.Text, StringComparison.Ordinal);

        var nodePools = await RunKubectlAsync(timeout.Token, "get", "nodepools", "-o", "name");
        Assert.Equal(
            ["nodepool.karpenter.sh/batch", "nodepool.karpenter.sh/general", "nodepool.karpenter.sh/gpu", "nodepool.karpenter.sh/spot"],
            nodePools.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var reports = await RunKubectlAsync(timeout.Token, "get", "vulnerabilityreports", "-A", "-o", "name");
        Assert.Contains("vulnerabilityreport.aquasecurity.github.io/replicaset-web-6d4cf56db6-web", reports, StringComparison.Ordinal);
        Assert.Contains("karc: running", output.Text, StringComparison.Ordinal);
        Assert.Contains("cleaner: running", output.Text, StringComparison.Ordinal);
        await WaitReadyAsync(new Uri("http://127.0.0.1:18081/readyz"), timeout.Token);   // karc controller
        await WaitReadyAsync(new Uri("http://127.0.0.1:18082/readyz"), timeout.Token);   // cleaner

        Signal(sandbox.Id, 15);
        await sandbox.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, sandbox.ExitCode);
        var text = output.Text;
        Assert.True(text.Contains("karc exited with code 0", StringComparison.Ordinal), text);
        Assert.True(text.Contains("cleaner exited with code 0", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitsTwoNamingIt()
    {
        using var timeout = new CancellationTokenSource(Bound);
        using var sandbox = StartSandbox("--bogus");
        var stderr = await sandbox.StandardError.ReadToEndAsync(timeout.Token);
        await sandbox.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, sandbox.ExitCode);
        Assert.Contains("--bogus", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private static Process StartSandbox(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Addons.Sandbox.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("sandbox did not start");
    }

    private async Task<string> RunKubectlAsync(CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo(KubeTools.Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KUBECONFIG"] = Path.Combine(_state, "kubeconfig");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var kubectl = Process.Start(start)!;
        var stdout = kubectl.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = kubectl.StandardError.ReadToEndAsync(cancellationToken);
        await kubectl.WaitForExitAsync(cancellationToken);
        Assert.True(kubectl.ExitCode == 0, $"kubectl {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }

    /// <summary>Polls a readiness endpoint until it answers 200; the bound comes from the token.</summary>
    private static async Task WaitReadyAsync(Uri readyz, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(readyz, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Signal(int pid, int signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
    }
}

using Addons.Kit.Shutdown;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Addons.Karc.Cli;
using Addons.Karc.Freezes;
using Addons.Kit.Testing.Repository;

namespace Karc.Tests.Freezes;

/// <summary>Issue 11 item 9: configuration errors surface at start-up, and an early stop is clean.</summary>
public class ControllerStartupTests
{
    [Fact]
    public async Task RunAsync_OutsideAPodWithoutLeaseNamespace_ConfigurationErrorExit2()
    {
        await using var cluster = await KarcCluster.StartAsync();
        using var stop = new CancellationTokenSource(KarcCluster.Timeout);
        // The emulator's kubeconfig context sets no namespace and the test does not run in a pod.
        var options = KarcSettings.Definition.Parse(["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0", "--log-level", "Error"], _ => null);

        var code = await ControllerHost.RunAsync(options, stop.Token).WaitAsync(KarcCluster.Timeout);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Null(cluster.Api.Get("coordination.k8s.io", "v1", "leases", "default", "karc"));
    }

    [Fact]
    public async Task RunAsync_KarpenterNotServedAtStart_KeepsRunningAndWatchesOnceInstalled()
    {
        await using var cluster = await KarcCluster.StartAsync("none");
        using var stop = new CancellationTokenSource(KarcCluster.Timeout);
        var options = KarcSettings.Definition.Parse(["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0", "--log-level", "Error", "--lease-namespace", "default"], _ => null);
        var host = ControllerHost.RunAsync(options, stop.Token);
        await cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"always\"},\"spec\":{\"nodePools\":[\"general\"]," +
            "\"window\":{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2099-01-01T00:00:00Z\"}}}",
            CancellationToken.None);

        // Discovery says nodepools.karpenter.sh is not served: the controller leads, reports and retries, never exits.
        while (cluster.Api.Get("coordination.k8s.io", "v1", "leases", "default", "karc")?["spec"]?["holderIdentity"] is null)
        {
            Assert.False(host.IsCompleted, "the controller host stopped");
            await Task.Delay(25, stop.Token);
        }

        await cluster.InstallKarpenterAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        while (cluster.Budgets("general") != """[{"nodes":"0"},{"nodes":"20%"}]""")
        {
            Assert.False(host.IsCompleted, "the controller host stopped");
            await Task.Delay(25, stop.Token);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await host.WaitAsync(KarcCluster.Timeout));
    }

    [Fact]
    public async Task Process_OutsideAPodWithoutLeaseNamespace_OneLineNamingFlagAndEnv()
    {
        await using var cluster = await KarcCluster.StartAsync();

        var (code, stdout, stderr) = await RunKarcAsync(["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0"], signalAfter: null);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--lease-namespace", line, StringComparison.Ordinal);
        Assert.Contains("LeaderElection__LeaseNamespace", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService", stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(300)]
    public async Task Process_SigtermWhileStarting_ExitsCleanlyWithoutStackTrace(int delayMs)
    {
        await using var cluster = await KarcCluster.StartAsync();

        var (code, stdout, stderr) = await RunKarcAsync(
            ["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0", "--lease-namespace", "default"], signalAfter: TimeSpan.FromMilliseconds(delayMs));

        // 0: our handler ran; 143: the signal landed before the runtime could run any code (the kernel's default).
        Assert.True(code is 0 or 143, $"exit code {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Start failed", stdout + stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunKarcAsync(string[] args, TimeSpan? signalAfter)
    {
        var info = new ProcessStartInfo(AddonBinaries.AppHost("karc", typeof(ControllerStartupTests).Assembly))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("LeaderElection__LeaseNamespace");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (signalAfter is { } delay)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            _ = Kill(process.Id, 15);
        }

        using var timeout = new CancellationTokenSource(KarcCluster.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

using System.Diagnostics;
using System.Net;
using Addons.Kit.Testing;
using Addons.Kit.Testing.Emulator;
using Addons.Kit.Tests.Hosting;

namespace Addons.Kit.Tests.Shutdown;

/// <summary>SIGTERM against a real child process with a reconcile in flight, on a live emulator.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"kit-shutdown-{Guid.NewGuid():N}.yaml");
    private KubeApiEmulator _api = null!;

    public async Task InitializeAsync()
    {
        _api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        _api.WriteKubeconfig(_kubeconfig, defaultNamespace: "demo");
        await _api.ApplyYamlAsync(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: demo}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: slow, namespace: demo}
            data: {k: v}
            """, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    private MinimalHostProcess StartHost(int port, TimeSpan reconcileDelay) => MinimalHostProcess.Start(
        "--kubeconfig", _kubeconfig, "--health-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--Health:BindAddress=127.0.0.1", "--Watch:Namespace=demo", "--Watch:ReconcileDelay=" + reconcileDelay.ToString("c"),
        "--log-format=json", "--Shutdown:Timeout=00:00:10", "--Shutdown:DrainTimeout=00:00:08");

    [Fact]
    public async Task Sigterm_ReconcileInFlight_ReadinessFalseFirstThenReconcileCompletesThenExit0()
    {
        var port = LoopbackPorts.Free();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        await using var host = StartHost(port, TimeSpan.FromSeconds(2));
        await host.WaitForLineAsync("Reconciling ConfigMap demo/slow", Bound);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        var metrics = await http.GetStringAsync("/metrics");
        foreach (var name in (string[])["minimal_host_build_info{", "controller_runtime_reconcile_total{", "controller_runtime_active_workers{controller=\"configmap\"} 1",
                     "controller_runtime_max_concurrent_reconciles{", "workqueue_adds_total{", "workqueue_depth{", "workqueue_queue_duration_seconds_bucket{", "process_cpu_seconds_total"])
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        var clock = Stopwatch.StartNew();
        await host.SignalAsync("TERM");
        // Readiness drops while the reconcile is still running (it needs 2 s).
        while ((await http.GetAsync("/readyz")).StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "readiness did not turn false within 1 s of SIGTERM");
        }

        Assert.DoesNotContain(host.StdoutLines, l => l.Contains("Reconciled ConfigMap demo/slow", StringComparison.Ordinal));
        var code = await host.WaitForExitAsync(Bound);
        clock.Stop();

        Assert.Equal(0, code);
        var lines = host.StdoutLines;
        var signal = IndexOf(lines, "Received SIGTERM");
        var reconciled = IndexOf(lines, "Reconciled ConfigMap demo/slow");
        var watches = IndexOf(lines, "Watches stopped");
        var stopped = IndexOf(lines, "minimal-host stopped, exit code 0");
        Assert.True(signal < reconciled && reconciled < watches && watches < stopped, string.Join('\n', lines));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        // The lease was released on the way out so a standby can take over at once.
        var lease = _api.Get("coordination.k8s.io", "v1", "leases", "demo", "minimal-host");
        Assert.NotNull(lease);
        Assert.True(string.IsNullOrEmpty(lease["spec"]?["holderIdentity"]?.GetValue<string>()), lease.ToJsonString());
    }

    [Fact]
    public async Task LeaseRenewalsFail_LeadershipLost_Exits1()
    {
        var port = LoopbackPorts.Free();
        await using var host = MinimalHostProcess.Start(
            "--kubeconfig", _kubeconfig, "--health-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Health:BindAddress=127.0.0.1", "--Watch:Namespace=demo", "--log-format=json",
            "--LeaderElection:LeaseDuration=00:00:03", "--LeaderElection:RenewDeadline=00:00:02", "--LeaderElection:RetryPeriod=00:00:00.500");
        await host.WaitForLineAsync("Reconciled ConfigMap demo/slow", Bound);

        foreach (var verb in (string[])["update", "patch", "get"])
        {
            _api.Faults.AddError(500, verb: verb, resource: "leases");
        }

        var code = await host.WaitForExitAsync(Bound);

        Assert.Equal(1, code);
        Assert.Contains(host.StdoutLines, l => l.Contains("leadership lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeaderElectionWithoutLeaseName_Exits2NamingTheSetting()
    {
        await using var host = MinimalHostProcess.Start("--kubeconfig", _kubeconfig, "--LeaderElection:LeaseName=");

        Assert.Equal(2, await host.WaitForExitAsync(Bound));
        Assert.StartsWith("configuration error: LeaderElection:LeaseName", Assert.Single(host.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSignal_DuringDrain_ExitsAtOnceNonZero()
    {
        var port = LoopbackPorts.Free();
        await using var host = StartHost(port, TimeSpan.FromMinutes(5));
        await host.WaitForLineAsync("Reconciling ConfigMap demo/slow", Bound);

        await host.SignalAsync("TERM");
        await host.WaitForLineAsync("Received SIGTERM", Bound);
        var clock = Stopwatch.StartNew();
        await host.SignalAsync("TERM");
        var code = await host.WaitForExitAsync(Bound);

        Assert.Equal(143, code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.DoesNotContain(host.StdoutLines, l => l.Contains("Reconciled ConfigMap demo/slow", StringComparison.Ordinal));
    }

    private static int IndexOf(IReadOnlyList<string> lines, string text)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

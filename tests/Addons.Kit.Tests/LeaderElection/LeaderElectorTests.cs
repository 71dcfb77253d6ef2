using System.Diagnostics;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.LeaderElection;
using Addons.Kit.Tests.Kubernetes;

namespace Addons.Kit.Tests.LeaderElection;

public sealed class LeaderElectorTests
{
    private static LeaderElectionOptions Fast(string identity, double lease = 1, double renew = 0.6, double retry = 0.1) => new()
    {
        LeaseName = "addon-leader",
        Namespace = "default",
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(lease),
        RenewDeadline = TimeSpan.FromSeconds(renew),
        RetryPeriod = TimeSpan.FromSeconds(retry),
    };

    [Fact]
    public async Task Run_TwoElectorsUnderRandomFaultsAndLatency_NeverTwoLeadersAtOnce()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var record = new LeaderRecord();
        var chaos = new[] { new Chaos(1), new Chaos(2) };
        using var apiA = h.NewApi(inner => chaos[0].Wrap(inner));
        using var apiB = h.NewApi(inner => chaos[1].Wrap(inner));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var replicas = new[] { Replica("a", apiA, record, stop.Token), Replica("b", apiB, record, stop.Token) };
        var random = new Random(2024);
        var faults = h.Emulator.Faults;

        // Randomized cycles: per replica, its own network trouble (failed requests, latency before the server or
        // after it answered); for the server, error rates, latency and short freezes shared by both.
        for (var cycle = 0; cycle < 220; cycle++)
        {
            foreach (var c in chaos)
            {
                c.FailProbability = random.NextDouble() * 0.3;
                if (random.Next(12) == 0)
                {
                    // An outage of this replica alone, sometimes shorter and sometimes longer than the lease.
                    c.FailFor(TimeSpan.FromMilliseconds(random.Next(300, 2000)));
                }

                c.Latency = TimeSpan.FromMilliseconds(random.Next(0, 200));
                c.ResponseDelay = TimeSpan.FromMilliseconds(random.Next(8) == 0 ? random.Next(200, 900) : random.Next(0, 50));
            }

            faults.Reset();
            faults.Latency = TimeSpan.FromMilliseconds(random.Next(0, 100));
            faults.AddError(random.Next(2) == 0 ? 500 : 503, verb: "update", resource: "leases", probability: random.NextDouble() * 0.3);
            if (random.Next(25) == 0)
            {
                faults.Pause();
            }

            await Task.Delay(random.Next(20, 250), cts.Token);
        }

        faults.Reset();
        foreach (var c in chaos)
        {
            c.FailProbability = 0;
            c.FailFor(TimeSpan.Zero);
        }

        await stop.CancelAsync();
        await Task.WhenAll(replicas).WaitAsync(cts.Token);

        Assert.Empty(record.Violations);
        Assert.True(record.Terms >= 6, $"leadership changed hands only {record.Terms} times");
    }

    [Fact]
    public async Task Run_GracefulStopOfLeader_StandbyLeadsWithinOneRetryPeriod()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var retry = TimeSpan.FromSeconds(1);
        var a = new LeaderElector(h.Api, Fast("a", lease: 15, renew: 10, retry: 1));
        var b = new LeaderElector(h.Api, Fast("b", lease: 15, renew: 10, retry: 1));
        var aLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var runA = a.RunAsync(ct => Lead(aLeads, ct), null, stopA.Token);
        await aLeads.Task.WaitAsync(cts.Token);
        var runB = b.RunAsync(ct => Lead(bLeads, ct), null, stopB.Token);
        await Task.Delay(retry * 2, cts.Token);
        Assert.False(bLeads.Task.IsCompleted);

        await stopA.CancelAsync();
        await runA.WaitAsync(cts.Token);
        var released = Stopwatch.StartNew();
        var lease = h.Emulator.Get("coordination.k8s.io", "v1", "leases", "default", "addon-leader")!;
        await bLeads.Task.WaitAsync(cts.Token);
        var takeover = released.Elapsed;

        Assert.Null(lease["spec"]!["holderIdentity"]);
        Assert.Equal(1, (int)lease["spec"]!["leaseDurationSeconds"]!);
        Assert.True(takeover < retry + TimeSpan.FromMilliseconds(500), $"standby took {takeover} after the release (retry period {retry})");
        Assert.True(b.IsLeader);
        await stopB.CancelAsync();
        await runB.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task Run_RenewFailsPastDeadline_WorkCancelledBeforeLeaseExpiresAndLossSignalled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var options = Fast("a", lease: 3, renew: 2, retry: 0.2);
        var elector = new LeaderElector(h.Api, options);
        var leads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var lastRenew = TimeSpan.Zero;
        var stoppedCalled = false;
        var run = elector.RunAsync(
            async ct =>
            {
                ct.Register(() => cancelledAt.TrySetResult(clock.Elapsed));
                leads.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
            () => stoppedCalled = true,
            cts.Token);
        await leads.Task.WaitAsync(cts.Token);

        var rule = h.Emulator.Faults.AddError(500, verb: "update", resource: "leases");
        lastRenew = clock.Elapsed;
        var lost = await Assert.ThrowsAsync<LeadershipLostException>(() => run.WaitAsync(cts.Token));
        var cancelled = await cancelledAt.Task.WaitAsync(cts.Token);

        Assert.True(rule.Hits > 0);
        Assert.True(cancelled - lastRenew < options.LeaseDuration, $"work cancelled {cancelled - lastRenew} after the last renewal; the lease lasts {options.LeaseDuration}");
        Assert.Contains("renew deadline", await elector.LeadershipLost.WaitAsync(cts.Token), StringComparison.Ordinal);
        Assert.Contains("lost lease default/addon-leader", lost.Message, StringComparison.Ordinal);
        Assert.False(elector.IsLeader);
        Assert.True(stoppedCalled);
    }

    [Fact]
    public async Task Run_CancelledWhileStandby_KnowsLeaderAndReturnsWithoutLeading()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var a = new LeaderElector(h.Api, Fast("a", lease: 15, renew: 10, retry: 0.2));
        var runA = a.RunAsync(ct => Lead(leads, ct), null, stopA.Token);
        await leads.Task.WaitAsync(cts.Token);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var b = new LeaderElector(h.Api, Fast("b", lease: 15, renew: 10, retry: 0.2));
        Assert.True(a.KnowsLeader);
        Assert.False(b.KnowsLeader);
        var bStarted = false;
        var runB = b.RunAsync(_ => { bStarted = true; return Task.CompletedTask; }, null, stopB.Token);

        await Task.Delay(500, cts.Token);
        // A standby that has read a's Lease knows it will not lead (readiness: a ready standby).
        Assert.True(b.KnowsLeader);
        Assert.False(b.IsLeader);
        await stopB.CancelAsync();
        await runB.WaitAsync(cts.Token);

        Assert.False(bStarted);
        Assert.True(a.IsLeader);
        await stopA.CancelAsync();
        await runA.WaitAsync(cts.Token);
    }

    private static async Task Lead(TaskCompletionSource leads, CancellationToken ct)
    {
        leads.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    }

    /// <summary>One replica slot: like a pod that Kubernetes restarts after it exits on a lost lease.</summary>
    private static async Task Replica(string slot, KubeApi api, LeaderRecord record, CancellationToken stop)
    {
        await Task.Yield();
        for (var generation = 0; !stop.IsCancellationRequested; generation++)
        {
            var identity = slot + "-" + generation;
            var elector = new LeaderElector(api, Fast(identity));
            try
            {
                await elector.RunAsync(ct => record.LeadAsync(identity, ct), null, stop);
            }
            catch (LeadershipLostException)
            {
                // The host would exit non-zero here; the next generation plays the restarted pod.
                continue;
            }
        }
    }

    /// <summary>One replica's network: random failures and delays around its requests, changed while running.</summary>
    private sealed class Chaos(int seed)
    {
        private readonly Random random = new(seed);

        public double FailProbability { get; set; }

        public TimeSpan Latency { get; set; }

        public TimeSpan ResponseDelay { get; set; }

        public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this, inner);

        private long outageUntil;

        public void FailFor(TimeSpan duration) =>
            Interlocked.Exchange(ref outageUntil, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

        private bool Fails()
        {
            if (Stopwatch.GetTimestamp() < Interlocked.Read(ref outageUntil))
            {
                return true;
            }

            lock (random)
            {
                return random.NextDouble() < FailProbability;
            }
        }

        private sealed class Handler(Chaos chaos, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await Task.Delay(chaos.Latency, cancellationToken);
                if (chaos.Fails())
                {
                    throw new HttpRequestException("injected network failure");
                }

                var response = await base.SendAsync(request, cancellationToken);

                // The server has applied the request; the answer arrives late (or never, if the caller gives up).
                await Task.Delay(chaos.ResponseDelay, cancellationToken);
                return response;
            }
        }
    }

    /// <summary>The shared, lock-protected truth of who leads right now.</summary>
    private sealed class LeaderRecord
    {
        private readonly Lock gate = new();
        private string? holder;

        public List<string> Violations { get; } = [];

        public int Terms { get; private set; }

        public async Task LeadAsync(string identity, CancellationToken ct)
        {
            lock (gate)
            {
                if (holder is not null)
                {
                    Violations.Add($"{identity} started leading while {holder} still led");
                }

                holder = identity;
                Terms++;
            }

            using var registration = ct.Register(() =>
            {
                lock (gate)
                {
                    if (holder == identity)
                    {
                        holder = null;
                    }
                }
            });
            await Task.Delay(Timeout.Infinite, ct);
        }
    }
}

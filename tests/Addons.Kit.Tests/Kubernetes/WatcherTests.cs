using System.Threading.Channels;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class WatcherTests
{
    private static readonly BackoffOptions FastBackoff = new() { Initial = TimeSpan.FromMilliseconds(5), Max = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task Run_ServerClosesStreamRepeatedly_NoEventLostOrDuplicated()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        var watcher = new Watcher<V1Lease>(leases, new WatcherOptions { Namespace = "default", Backoff = FastBackoff });
        var seen = Channel.CreateUnbounded<WatcherEvent<V1Lease>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = Pump(watcher, seen.Writer, stop.Token);
        await watcher.Store.WaitForSyncAsync(cts.Token);

        // Every write and the resourceVersion it produced, in order; the watcher must report exactly these.
        var expected = new List<string>();
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var name = "l" + random.Next(6);
            var existing = await leases.GetAsync("default", name, cts.Token);
            if (existing is null)
            {
                var c = await leases.CreateAsync(Lease.Of("default", name, rv: ""), cts.Token);
                expected.Add("Added " + name + " " + c.Metadata.ResourceVersion);
            }
            else if (random.Next(4) == 0)
            {
                await leases.DeleteAsync("default", name, cts.Token);
                expected.Add("Deleted " + name);
            }
            else
            {
                var m = await leases.PatchAsync("default", name, KubePatch.Merge("{\"spec\":{\"leaseTransitions\":" + i + "}}"), cts.Token);
                expected.Add("Modified " + name + " " + m.Metadata.ResourceVersion);
            }

            if (i % 5 == 0)
            {
                h.Emulator.Faults.CloseWatches();
            }
        }

        var actual = new List<string>();
        while (actual.Count < expected.Count)
        {
            var e = await seen.Reader.ReadAsync(cts.Token);
            actual.Add(e.Type == WatchEventType.Deleted ? "Deleted " + e.Object.Metadata.Name : e.Type + " " + e.Object.Metadata.Name + " " + e.Object.Metadata.ResourceVersion);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(expected, actual);
        Assert.False(seen.Reader.TryRead(out var extra), "no duplicate after the expected events: " + extra);
        Assert.True(h.Requests.Count(r => r.Contains("watch=true", StringComparison.Ordinal)) > 5, "the watch was resumed several times");
        Assert.Single(h.Requests, r => r.StartsWith("GET /apis/coordination.k8s.io/v1/namespaces/default/leases?limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Forced410AfterChanges_RelistsAndReportsVanishedObjectsAsDeleted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await leases.CreateAsync(Lease.Of("default", name, rv: ""), cts.Token);
        }

        var watcher = new Watcher<V1Lease>(leases, new WatcherOptions { Namespace = "default", Backoff = FastBackoff });
        var seen = Channel.CreateUnbounded<WatcherEvent<V1Lease>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = Pump(watcher, seen.Writer, stop.Token);
        await watcher.Store.WaitForSyncAsync(cts.Token);
        for (var i = 0; i < 3; i++)
        {
            await seen.Reader.ReadAsync(cts.Token);
        }

        // Keep the watcher away while objects change, then make its next watch fail with 410 Gone.
        var outage = h.Emulator.Faults.AddError(503, verb: "watch");
        h.Emulator.Faults.CloseWatches();
        await leases.DeleteAsync("default", "b", cts.Token);
        await leases.PatchAsync("default", "a", KubePatch.Merge("""{"spec":{"holderIdentity":"new"}}"""), cts.Token);
        await leases.CreateAsync(Lease.Of("default", "d", rv: ""), cts.Token);
        while (outage.Hits == 0)
        {
            await Task.Delay(10, cts.Token);
        }

        h.Emulator.Faults.ForceNextWatchGone();
        h.Emulator.Faults.RemoveError(outage);

        var changes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var e = await seen.Reader.ReadAsync(cts.Token);
            changes.Add(e.Type + " " + e.Object.Metadata.Name);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["Added d", "Deleted b", "Modified a"], changes.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "c", "d"], watcher.Store.List().Select(l => l.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal("new", watcher.Store.Get("default", "a")!.Spec.HolderIdentity);
        Assert.Equal(2, h.Requests.Count(r => r.Contains("leases?limit=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_InitialListPaged_StoreHoldsAllPagesBeforeSynced()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        for (var i = 0; i < 7; i++)
        {
            await leases.CreateAsync(Lease.Of("default", "p" + i, rv: ""), cts.Token);
        }

        var informer = new Informer<V1Lease>(leases, new WatcherOptions { Namespace = "default", PageSize = 3 });
        var handler = new RecordingHandler();
        informer.AddHandler(handler);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = informer.RunAsync(stop.Token);

        await informer.WaitForSyncAsync(cts.Token);

        Assert.Equal(7, informer.Store.Count);
        Assert.Equal(7, handler.Added.Count);
        var lists = h.Requests.Where(r => r.Contains("leases?limit=3", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lists.Count);
        await stop.CancelAsync();
        await run.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task Run_ListFailures_BackoffGrowsThenResetsAfterHealthyPeriod()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new CapturingLogger();
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        var outage = h.Emulator.Faults.AddError(500, verb: "list");
        var watcher = new Watcher<V1Lease>(leases, new WatcherOptions { Namespace = "default" }, log, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = Pump(watcher, Channel.CreateUnbounded<WatcherEvent<V1Lease>>().Writer, stop.Token);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var failed = await log.NextAsync(e => e.EventId == 3, cts.Token);
            var delay = (TimeSpan)failed.Values["Delay"]!;
            delays.Add(delay);
            if (i == 4)
            {
                // Heal before the last wait ends, so the next attempt succeeds.
                h.Emulator.Faults.RemoveError(outage);
            }

            time.Advance(delay);
        }

        // Base delays 0.8, 1.6, 3.2, 6.4, 12.8 s, each plus up to 100% jitter.
        var bases = new[] { 0.8, 1.6, 3.2, 6.4, 12.8 };
        for (var i = 0; i < bases.Length; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, bases[i], Math.Min(2 * bases[i], 30));
        }

        await watcher.Store.WaitForSyncAsync(cts.Token);
        time.Advance(TimeSpan.FromMinutes(3));
        h.Emulator.Faults.AddError(500, verb: "watch");
        h.Emulator.Faults.CloseWatches();
        var again = await log.NextAsync(e => e.EventId == 3, cts.Token);

        Assert.InRange(((TimeSpan)again.Values["Delay"]!).TotalSeconds, 0.8, 1.6);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Run_TooManyRequests_WaitsExactlyRetryAfter()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new CapturingLogger();
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        h.Emulator.Faults.AddError(429, verb: "list", count: 1, retryAfter: TimeSpan.FromSeconds(7));
        var watcher = new Watcher<V1Lease>(leases, new WatcherOptions { Namespace = "default" }, log, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = Pump(watcher, Channel.CreateUnbounded<WatcherEvent<V1Lease>>().Writer, stop.Token);

        var failed = await log.NextAsync(e => e.EventId == 3, cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(7), failed.Values["Delay"]);
        time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(200, cts.Token);
        var listsBefore = h.Requests.Count(r => r.Contains("leases?limit=", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(0.1));
        await watcher.Store.WaitForSyncAsync(cts.Token);

        Assert.Equal(1, listsBefore);
        Assert.Equal(2, h.Requests.Count(r => r.Contains("leases?limit=", StringComparison.Ordinal)));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Run_TooManyRequestsWithHugeRetryAfter_WaitsAtMostTheBackoffMaximumAndRecovers()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new CapturingLogger();
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        // 5,000,000 s is beyond Task.Delay's range: the watch used to die with ArgumentOutOfRangeException.
        h.Emulator.Faults.AddError(429, verb: "list", count: 1, retryAfter: TimeSpan.FromSeconds(5_000_000));
        var watcher = new Watcher<V1Lease>(leases, new WatcherOptions { Namespace = "default" }, log, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = Pump(watcher, Channel.CreateUnbounded<WatcherEvent<V1Lease>>().Writer, stop.Token);

        var failed = await log.NextAsync(e => e.EventId == 3, cts.Token);
        Assert.Equal(new BackoffOptions().Max, failed.Values["Delay"]);
        time.Advance(new BackoffOptions().Max);
        await watcher.Store.WaitForSyncAsync(cts.Token);

        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static async Task Pump(Watcher<V1Lease> watcher, ChannelWriter<WatcherEvent<V1Lease>> into, CancellationToken ct)
    {
        await Task.Yield();
        await foreach (var e in watcher.RunAsync(ct))
        {
            into.TryWrite(e);
        }
    }

    private sealed class RecordingHandler : IObjectEventHandler<V1Lease>
    {
        public List<string> Added { get; } = [];

        public void OnAdded(V1Lease obj) => Added.Add(obj.Metadata.Name);

        public void OnUpdated(V1Lease oldObj, V1Lease newObj)
        {
        }

        public void OnDeleted(V1Lease obj)
        {
        }
    }
}

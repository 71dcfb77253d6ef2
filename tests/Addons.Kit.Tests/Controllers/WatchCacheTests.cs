using System.Collections.Concurrent;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.Tests.Kubernetes;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.Tests.Controllers;

/// <summary>
/// A reconciler reads a secondary watch's cache (by index) instead of LISTing; a secondary watch may resolve its
/// resource type when it starts (discovery). Against the emulator.
/// </summary>
public sealed class WatchCacheTests
{
    [Fact]
    public async Task Reconcile_ReadsSecondaryCacheByIndex_NoListPerReconcile()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        var widgets = h.Api.For(Widget.Type, TestJson.Default.Widget);
        foreach (var (name, owner) in new[] { ("w1", "l1"), ("w2", "l1"), ("w3", "l2") })
        {
            await widgets.CreateAsync(new Widget { Metadata = new() { Name = name, NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["lease"] = owner } } }, cts.Token);
        }

        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        await leases.CreateAsync(Lease.Of("default", "l1"), cts.Token);
        await leases.CreateAsync(Lease.Of("default", "l2"), cts.Token);
        var cache = new WatchCache<Widget>().WithIndex("lease", StoreIndex.Label<Widget>("lease"));
        var primary = new WatchCache<V1Lease>();
        var reconciler = new CountingReconciler(cache, primary);
        var services = Services(h);
        var builder = new ControllerBuilder<V1Lease>(ResourceType.Lease, KubeJson.Lease, new ControllerOptions { Namespace = "default" }, _ => reconciler)
            .Watches(Widget.Type, TestJson.Default.Widget, w => [new ObjectKey("default", w.Metadata.Labels!["lease"])], cache: cache)
            .CacheIn(primary);
        using var controller = builder.Create(services);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var watches = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, cts.Token);

        while (reconciler.Seen.Count < 2)
        {
            await Task.Delay(20, cts.Token);
        }

        await widgets.CreateAsync(new Widget { Metadata = new() { Name = "w4", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["lease"] = "l2" } } }, cts.Token);
        while (!reconciler.Seen.TryGetValue("l2", out var n) || n < 2)
        {
            await Task.Delay(20, cts.Token);
        }

        await stop.CancelAsync();
        await workers;
        await watches;

        Assert.Equal(2, reconciler.Seen["l1"]);
        Assert.Equal(2, reconciler.Seen["l2"]);
        Assert.True(primary.IsAttached);
        var widgetLists = h.Requests.Count(r => r.StartsWith("GET /apis/test.addons.io/v1/namespaces/default/widgets", StringComparison.Ordinal) && !r.Contains("watch=", StringComparison.Ordinal));
        Assert.Equal(1, widgetLists);
    }

    [Fact]
    public void Store_BeforeStart_ThrowsNamingKind()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WatchCache<Widget>().Store);

        Assert.Contains("Widget watch has not started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watches_ResolutionFailsOnce_RetriesUnsyncedThenWatchesAndFillsCache()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        await h.Api.For(ResourceType.Lease, KubeJson.Lease).CreateAsync(Lease.Of("default", "l1"), cts.Token);
        await h.Api.For(Widget.Type, TestJson.Default.Widget).CreateAsync(
            new Widget { Metadata = new() { Name = "w1", NamespaceProperty = "default", Labels = new Dictionary<string, string> { ["lease"] = "l1" } } }, cts.Token);
        var calls = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<ResourceType> Resolve(CancellationToken ct)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new HttpRequestException("discovery unreachable");
            }

            await release.Task.WaitAsync(ct);
            return Widget.Type;
        }

        var cache = new WatchCache<Widget>().WithIndex("lease", StoreIndex.Label<Widget>("lease"));
        var reconciler = new CountingReconciler(cache, new WatchCache<V1Lease>());
        using var controller = Deferred(h, reconciler, cache, (_, ct) => Resolve(ct));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var watches = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, cts.Token);

        // The first resolution failed and was retried after the backoff; the second is held open by the test.
        while (Volatile.Read(ref calls) < 2)
        {
            Assert.False(watches.IsCompleted, "the watches ended");
            await Task.Delay(20, cts.Token);
        }

        Assert.False(controller.HasSynced);
        Assert.False(cache.IsAttached);
        Assert.Empty(reconciler.Seen);

        release.SetResult();
        while (!reconciler.Seen.ContainsKey("l1"))
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.True(controller.HasSynced);
        Assert.Equal(1, reconciler.Seen["l1"]);
        Assert.Equal(2, Volatile.Read(ref calls));
        await stop.CancelAsync();
        await workers;
        await watches;
    }

    [Fact]
    public async Task Watches_StoppedWhileResolving_EndsWithoutError()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var resolving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = new WatchCache<Widget>();
        using var controller = Deferred(h, new CountingReconciler(cache, new WatchCache<V1Lease>()), cache, async (_, ct) =>
        {
            resolving.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return Widget.Type;
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var watches = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, cts.Token);
        await resolving.Task.WaitAsync(cts.Token);

        await stop.CancelAsync();

        await workers.WaitAsync(cts.Token);
        await watches.WaitAsync(cts.Token);
        Assert.False(cache.IsAttached);
    }

    // A controller on Leases whose Widget watch resolves its resource type when it starts (discovery).
    private static Controller<V1Lease> Deferred(
        EmulatorHarness h, CountingReconciler reconciler, WatchCache<Widget> cache, Func<IServiceProvider, CancellationToken, Task<ResourceType>> resolve) =>
        new ControllerBuilder<V1Lease>(ResourceType.Lease, KubeJson.Lease, new ControllerOptions { Namespace = "default" }, _ => reconciler)
            .Watches(resolve, TestJson.Default.Widget, w => [new ObjectKey("default", w.Metadata.Labels!["lease"])], cache: cache)
            .CacheIn(reconciler.Leases)
            .Create(Services(h));

    private static ServiceProvider Services(EmulatorHarness h) =>
        new ServiceCollection()
            .AddSingleton(h.Api).AddSingleton(TimeProvider.System).AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();

    private sealed class CountingReconciler(WatchCache<Widget> widgets, WatchCache<V1Lease> leases) : IReconciler<V1Lease>
    {
        public WatchCache<V1Lease> Leases => leases;

        /// <summary>Lease name → number of widgets its last reconcile found in the cache.</summary>
        public ConcurrentDictionary<string, int> Seen { get; } = new();

        public Task<ReconcileResult> ReconcileAsync(V1Lease obj, CancellationToken cancellationToken)
        {
            Assert.NotNull(leases.Store.Get("default", obj.Metadata.Name));
            Seen[obj.Metadata.Name] = widgets.Store.ByIndex("lease", obj.Metadata.Name).Count;
            return Task.FromResult(ReconcileResult.AwaitChange());
        }
    }
}

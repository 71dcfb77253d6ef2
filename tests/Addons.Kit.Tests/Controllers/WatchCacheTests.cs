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

/// <summary>A reconciler reads a secondary watch's cache (by index) instead of LISTing, against the emulator.</summary>
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
        var services = new ServiceCollection()
            .AddSingleton(h.Api).AddSingleton(TimeProvider.System).AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();
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

    private sealed class CountingReconciler(WatchCache<Widget> widgets, WatchCache<V1Lease> leases) : IReconciler<V1Lease>
    {
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

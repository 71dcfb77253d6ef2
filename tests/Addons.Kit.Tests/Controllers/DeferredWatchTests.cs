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

/// <summary>A secondary watch whose resource type is resolved when it starts (discovery), against the emulator.</summary>
public sealed class DeferredWatchTests
{
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

        var cache = new WatchCache<Widget>();
        var reconciler = new CountingReconciler(cache);
        using var controller = Build(h, reconciler, cache, (_, ct) => Resolve(ct));
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
        using var controller = Build(h, new CountingReconciler(cache), cache, async (_, ct) =>
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

    private static Controller<V1Lease> Build(
        EmulatorHarness h, CountingReconciler reconciler, WatchCache<Widget> cache, Func<IServiceProvider, CancellationToken, Task<ResourceType>> resolve)
    {
        var services = new ServiceCollection()
            .AddSingleton(h.Api).AddSingleton(TimeProvider.System).AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();
        return new ControllerBuilder<V1Lease>(ResourceType.Lease, KubeJson.Lease, new ControllerOptions { Namespace = "default" }, _ => reconciler)
            .Watches(resolve, TestJson.Default.Widget, w => [new ObjectKey("default", w.Metadata.Labels!["lease"])], cache: cache)
            .Create(services);
    }

    private sealed class CountingReconciler(WatchCache<Widget> widgets) : IReconciler<V1Lease>
    {
        /// <summary>Lease name → number of its widgets the last reconcile found in the cache.</summary>
        public ConcurrentDictionary<string, int> Seen { get; } = new();

        public Task<ReconcileResult> ReconcileAsync(V1Lease obj, CancellationToken cancellationToken)
        {
            Seen[obj.Metadata.Name] = widgets.Store.List(w => w.Metadata.Labels?["lease"] == obj.Metadata.Name).Count;
            return Task.FromResult(ReconcileResult.AwaitChange());
        }
    }
}

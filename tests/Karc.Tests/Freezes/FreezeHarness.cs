using Addons.Karc.Freezes;
using Addons.Karc.NodePools;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Kubernetes.Discovery;
using Addons.Kit.Kubernetes.Helpers;
using Addons.Kit.Kubernetes.Watching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Karc.Tests.Freezes;

/// <summary>
/// A freeze reconciler wired to an emulator with a fake clock; tests drive reconciles explicitly. NodePools reach the
/// reconciler through a watch cache fed by a real informer, as in the controller.
/// </summary>
internal sealed class FreezeHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _informer;

    private FreezeHarness(KarcCluster cluster, FakeTimeProvider time)
    {
        Cluster = cluster;
        Time = time;
        Kube = new KubeApi(KubeConnection.FromKubeconfig(cluster.Kubeconfig), timeProvider: time);
        var events = new EventRecorder(Kube, "karc.io/consolidationfreeze-controller", timeProvider: time);
        Index = new FreezeIndex();
        PoolCache = FreezeIndex.NodePoolCache();
        var pools = new Informer<NodePool>(Kube.For(KarpenterResources.NodePool("v1"), KarcJsonContext.Default.NodePool), timeProvider: TimeProvider.System);
        PoolCache.Attach(pools.Store);
        _informer = pools.RunAsync(_stop.Token);
        Reconciler = new FreezeReconciler(
            Kube, new NodePoolApi(Kube, new ApiDiscovery(Kube)), PoolCache, Index, events, new FreezeStatusWriter(Kube, events), time, NullLogger<FreezeReconciler>.Instance);
    }

    public KarcCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public KubeApi Kube { get; }

    public FreezeIndex Index { get; }

    public WatchCache<NodePool> PoolCache { get; }

    public FreezeReconciler Reconciler { get; }

    public ResourceClient<ConsolidationFreeze> Freezes => Kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze);

    public static async Task<FreezeHarness> StartAsync(DateTimeOffset now) =>
        new(await KarcCluster.StartAsync(), new FakeTimeProvider(now));

    public Task ApplyFreezeAsync(string name, string specJson) =>
        Cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + specJson + "}",
            CancellationToken.None);

    /// <summary>Waits until the NodePool cache holds what the API holds, reads the freeze from the API and reconciles it once.</summary>
    /// <param name="name">The freeze.</param>
    /// <param name="waitForCache">False: reconcile with the cache as it is (after <see cref="StopCacheAsync"/>, a stale one).</param>
    public async Task<ReconcileResult> ReconcileAsync(string name, bool waitForCache = true)
    {
        using var cts = new CancellationTokenSource(KarcCluster.Timeout);
        if (waitForCache)
        {
            await CacheCaughtUpAsync(cts.Token);
        }

        var freeze = await Freezes.GetAsync(null, name, cts.Token);
        if (freeze is null)
        {
            return await Reconciler.ReconcileDeletedAsync(new ObjectKey(null, name), null, cts.Token);
        }

        return await Reconciler.ReconcileAsync(freeze, cts.Token);
    }

    public async Task<ConsolidationFreeze?> GetAsync(string name)
    {
        using var cts = new CancellationTokenSource(KarcCluster.Timeout);
        return await Freezes.GetAsync(null, name, cts.Token);
    }

    public string? Holders(string pool) =>
        Cluster.Pool(pool)["metadata"]?["annotations"]?[FreezeOwnership.Annotation]?.ToString();

    /// <summary>Waits until every NodePool in the API is in the cache at the same resourceVersion (and nothing else is).</summary>
    public async Task CacheCaughtUpAsync(CancellationToken cancellationToken)
    {
        await PoolCache.Store.WaitForSyncAsync(cancellationToken);
        while (true)
        {
            var served = Cluster.Api.List("karpenter.sh", "v1", "nodepools", null)
                .ToDictionary(p => p["metadata"]!["name"]!.ToString(), p => p["metadata"]!["resourceVersion"]!.ToString(), StringComparer.Ordinal);
            var cached = PoolCache.Store.List();
            if (cached.Count == served.Count && cached.All(p => served.GetValueOrDefault(p.Name) == p.Metadata.ResourceVersion))
            {
                return;
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>Stops the NodePool watch once the cache is current: from then on the cache is stale by design.</summary>
    public async Task StopCacheAsync()
    {
        using var cts = new CancellationTokenSource(KarcCluster.Timeout);
        await CacheCaughtUpAsync(cts.Token);
        await _stop.CancelAsync();
        await _informer.WaitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _informer;
        _stop.Dispose();
        Kube.Dispose();
        await Cluster.DisposeAsync();
    }
}

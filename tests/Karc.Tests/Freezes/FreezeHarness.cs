using Addons.Karc.Freezes;
using Addons.Karc.NodePools;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Karc.Tests.Freezes;

/// <summary>A freeze reconciler wired to an emulator with a fake clock; tests drive reconciles explicitly.</summary>
internal sealed class FreezeHarness : IAsyncDisposable
{
    private FreezeHarness(KarcCluster cluster, FakeTimeProvider time)
    {
        Cluster = cluster;
        Time = time;
        Kube = new KubeApi(KubeConnection.FromKubeconfig(cluster.Kubeconfig), timeProvider: time);
        var events = new FreezeEvents(Kube, time, NullLogger<FreezeEvents>.Instance);
        Index = new FreezeIndex();
        Reconciler = new FreezeReconciler(
            Kube, new NodePoolApi(Kube, "v1"), Index, events, new FreezeStatusWriter(Kube, events), time, NullLogger<FreezeReconciler>.Instance);
    }

    public KarcCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public KubeApi Kube { get; }

    public FreezeIndex Index { get; }

    public FreezeReconciler Reconciler { get; }

    public ResourceClient<ConsolidationFreeze> Freezes => Kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze);

    public static async Task<FreezeHarness> StartAsync(DateTimeOffset now) =>
        new(await KarcCluster.StartAsync(), new FakeTimeProvider(now));

    public Task ApplyFreezeAsync(string name, string specJson) =>
        Cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + specJson + "}",
            CancellationToken.None);

    /// <summary>Reads the freeze from the API and reconciles it once.</summary>
    public async Task<ReconcileResult> ReconcileAsync(string name)
    {
        using var cts = new CancellationTokenSource(KarcCluster.Timeout);
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

    public async ValueTask DisposeAsync()
    {
        Kube.Dispose();
        await Cluster.DisposeAsync();
    }
}

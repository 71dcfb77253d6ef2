using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Helpers;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Freezes;

/// <summary>
/// Reconciles a ConsolidationFreeze: while it is active, its NodePools carry the pause budget and list
/// the freeze in <see cref="FreezeOwnership.Annotation"/>; when the last holding freeze lets go, the
/// pause is removed.
/// </summary>
/// <remarks>
/// <para>Guarantees: a pause the controller did not add (no holders recorded) is never claimed nor
/// removed; a deleted freeze releases its pools before its finalizer is removed; the freeze is
/// requeued exactly at its next transition.</para>
/// <para>NodePools are read from the controller's watch cache, never LISTed per reconcile. A pool the cache says
/// needs a change is read once more (GET) and the change decided again on that fresh copy, so a stale cache never
/// causes a wrong patch; a cache that is stale the other way is corrected by the watch event that follows, which
/// maps back to this freeze. Conflicts (409) are re-read and retried a few times, then thrown so the kit retries
/// the key with backoff.</para>
/// </remarks>
internal sealed partial class FreezeReconciler(
    KubeApi kube,
    NodePoolApi pools,
    WatchCache<NodePool> poolCache,
    FreezeIndex index,
    EventRecorder events,
    FreezeStatusWriter statusWriter,
    TimeProvider time,
    ILogger<FreezeReconciler> logger) : IReconciler<ConsolidationFreeze>
{
    /// <summary>Held while the freeze may still hold NodePools; removed after it released them.</summary>
    public const string Finalizer = "karc.io/release-nodepools";

    private const int MaxAttempts = 5;

    private ResourceClient<ConsolidationFreeze> Freezes => kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze);

    public async Task<ReconcileResult> ReconcileAsync(ConsolidationFreeze freeze, CancellationToken cancellationToken)
    {
        var name = freeze.Name;
        if (freeze.Metadata.DeletionTimestamp is not null)
        {
            index.Remove(name);
            if (Finalizers.Has(freeze, Finalizer))
            {
                await ReleaseAllAsync(freeze, cancellationToken);
                await Finalizers.RemoveAsync(Freezes, freeze, Finalizer, cancellationToken);
            }

            FreezeMetrics.FreezeActive.RemoveLabelled(name);
            return ReconcileResult.AwaitChange();
        }

        freeze = await Finalizers.AddAsync(Freezes, freeze, Finalizer, cancellationToken);
        index.Set(name, freeze.Spec?.NodePools ?? []);
        var now = time.GetUtcNow();
        var plan = FreezeEvaluator.Evaluate(freeze.Spec, now);
        var suspended = freeze.Spec?.Suspend == true;
        var holding = plan.Valid && plan.Active && !suspended;

        var held = new List<string>();
        foreach (var pool in poolCache.Store.List().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var want = holding && FreezeEvaluator.Targets(freeze.Spec, pool.Name);
            if (await SyncPoolAsync(freeze, pool, want, cancellationToken))
            {
                held.Add(pool.Name);
            }
        }

        FreezeMetrics.FreezeActive.WithLabels(name).Set(holding ? 1 : 0);
        await statusWriter.WriteAsync(freeze, plan, holding, suspended, held, now, cancellationToken);

        if (!plan.Valid)
        {
            Log.InvalidSpec(logger, name, plan.InvalidField!, plan.Message!);
            return ReconcileResult.AwaitChange();
        }

        if (plan.NextTransition is not { } next)
        {
            return ReconcileResult.AwaitChange();
        }

        // Exactly at the transition; a transition already due (clock skew) is handled right away.
        var delay = next - now;
        return ReconcileResult.Requeue(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1));
    }

    public async Task<ReconcileResult> ReconcileDeletedAsync(ObjectKey key, ConsolidationFreeze? lastKnown, CancellationToken cancellationToken)
    {
        // Normally the finalizer already released everything; this covers a finalizer removed by hand.
        index.Remove(key.Name);
        FreezeMetrics.FreezeActive.RemoveLabelled(key.Name);
        await ReleaseAllAsync(lastKnown ?? new ConsolidationFreeze { Metadata = new() { Name = key.Name } }, cancellationToken);
        return ReconcileResult.AwaitChange();
    }

    private async Task ReleaseAllAsync(ConsolidationFreeze freeze, CancellationToken cancellationToken)
    {
        foreach (var pool in poolCache.Store.ByIndex(FreezeIndex.HeldBy, freeze.Name))
        {
            await SyncPoolAsync(freeze, pool, want: false, cancellationToken);
        }
    }

    /// <summary>Brings one NodePool in line; returns true when this freeze holds it afterwards.</summary>
    /// <param name="pool">The cached NodePool: it only decides whether a fresh read is needed.</param>
    private async Task<bool> SyncPoolAsync(ConsolidationFreeze freeze, NodePool pool, bool want, CancellationToken cancellationToken)
    {
        var name = freeze.Name;
        var change = PoolChange.Decide(pool, name, want);
        if (change.Write is null)
        {
            FreezeMetrics.NodePoolPaused.WithLabels(pool.Name).Set(PauseBudgets.IsPaused(pool.Budgets) ? 1 : 0);
            return change.Holds;
        }

        for (var attempt = 1; ; attempt++)
        {
            // The cache may lag the server: decide again on a fresh copy before writing.
            if (await pools.GetAsync(pool.Name, cancellationToken) is not { } fresh)
            {
                return false;
            }

            pool = fresh;
            change = PoolChange.Decide(pool, name, want);
            FreezeMetrics.NodePoolPaused.WithLabels(pool.Name).Set(PauseBudgets.IsPaused(pool.Budgets) ? 1 : 0);
            if (change.Write is not { } write)
            {
                return change.Holds;
            }

            try
            {
                var written = await pools.PatchBudgetsAsync(
                    pool.Name, pool.Metadata.ResourceVersion, write.Budgets,
                    new Dictionary<string, string?> { [FreezeOwnership.Annotation] = write.Annotation }, cancellationToken);
                FreezeMetrics.NodePoolPaused.WithLabels(pool.Name).Set(PauseBudgets.IsPaused(written.Budgets) ? 1 : 0);
                if (write.Action is { } action)
                {
                    await RecordAsync(freeze, written, action, cancellationToken);
                }

                return change.Holds;
            }
            catch (KubeApiException e) when (e.IsConflict && attempt < MaxAttempts)
            {
                Log.Conflict(logger, pool.Name, name, attempt);
            }
        }
    }

    private async Task RecordAsync(ConsolidationFreeze freeze, NodePool pool, string action, CancellationToken cancellationToken)
    {
        var verb = action == PoolChange.Paused ? "paused" : "resumed";
        Log.PoolChanged(logger, pool.Name, verb, freeze.Name);
        await events.RecordAsync(pool, KubeEventType.Normal, action, action, $"Consolidation {verb} by ConsolidationFreeze {freeze.Name}", cancellationToken);
        await events.RecordAsync(freeze, KubeEventType.Normal, action + "NodePool", action, $"Consolidation {verb} on NodePool {pool.Name}", cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "NodePool {NodePool} {Action} by ConsolidationFreeze {Freeze}")]
        public static partial void PoolChanged(ILogger logger, string nodePool, string action, string freeze);

        [LoggerMessage(2, LogLevel.Debug, "NodePool {NodePool} changed while freeze {Freeze} updated it (attempt {Attempt}); re-reading")]
        public static partial void Conflict(ILogger logger, string nodePool, string freeze, int attempt);

        [LoggerMessage(3, LogLevel.Warning, "ConsolidationFreeze {Freeze} is invalid: {Field}: {Message}")]
        public static partial void InvalidSpec(ILogger logger, string freeze, string field, string message);
    }
}

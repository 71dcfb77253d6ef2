using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;
using Addons.Kit.Controllers;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
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
/// <para>Conflicts (409) on a NodePool are re-read and retried a few times, then thrown so the kit
/// retries the key with backoff.</para>
/// </remarks>
internal sealed partial class FreezeReconciler(
    KubeApi kube,
    NodePoolApi pools,
    FreezeIndex index,
    FreezeEvents events,
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
            if (freeze.Metadata.Finalizers?.Contains(Finalizer) == true)
            {
                await ReleaseAllAsync(freeze, cancellationToken);
                await SetFinalizerAsync(freeze, present: false, cancellationToken);
            }

            FreezeMetrics.FreezeActive.RemoveLabelled(name);
            return ReconcileResult.AwaitChange();
        }

        if (freeze.Metadata.Finalizers?.Contains(Finalizer) != true)
        {
            freeze = await SetFinalizerAsync(freeze, present: true, cancellationToken);
        }

        index.Set(name, freeze.Spec?.NodePools ?? []);
        var now = time.GetUtcNow();
        var plan = FreezeEvaluator.Evaluate(freeze.Spec, now);
        var suspended = freeze.Spec?.Suspend == true;
        var holding = plan.Valid && plan.Active && !suspended;

        var held = new List<string>();
        foreach (var pool in (await pools.ListAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal))
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
        foreach (var pool in await pools.ListAsync(cancellationToken))
        {
            if (FreezeOwnership.Holders(pool).Contains(key.Name))
            {
                await SyncPoolAsync(lastKnown ?? new ConsolidationFreeze { Metadata = new() { Name = key.Name } }, pool, want: false, cancellationToken);
            }
        }

        return ReconcileResult.AwaitChange();
    }

    private async Task ReleaseAllAsync(ConsolidationFreeze freeze, CancellationToken cancellationToken)
    {
        foreach (var pool in await pools.ListAsync(cancellationToken))
        {
            if (FreezeOwnership.Holders(pool).Contains(freeze.Name))
            {
                await SyncPoolAsync(freeze, pool, want: false, cancellationToken);
            }
        }
    }

    /// <summary>Brings one NodePool in line; returns true when this freeze holds it afterwards.</summary>
    private async Task<bool> SyncPoolAsync(ConsolidationFreeze freeze, NodePool pool, bool want, CancellationToken cancellationToken)
    {
        var name = freeze.Name;
        for (var attempt = 1; ; attempt++)
        {
            var holders = FreezeOwnership.Holders(pool).ToList();
            var paused = PauseBudgets.IsPaused(pool.Budgets);
            var has = holders.Contains(name);
            FreezeMetrics.NodePoolPaused.WithLabels(pool.Name).Set(paused ? 1 : 0);

            IReadOnlyList<Budget> budgets;
            string? annotation;
            string? action = null;
            if (want)
            {
                if (has && paused)
                {
                    return true;
                }

                if (!has && paused && holders.Count == 0)
                {
                    // Paused by someone else (karc pause, GitOps): not ours to hold, so not ours to release.
                    return false;
                }

                budgets = paused ? pool.Budgets! : PauseBudgets.Pause(pool.Budgets);
                annotation = FreezeOwnership.Format(holders.Append(name));
                action = paused ? null : "Paused";
            }
            else
            {
                if (!has)
                {
                    return false;
                }

                holders.Remove(name);
                var last = holders.Count == 0;
                budgets = last && paused ? PauseBudgets.Resume(pool.Budgets) : pool.Budgets ?? [];
                annotation = FreezeOwnership.Format(holders);
                action = last && paused ? "Resumed" : null;
            }

            try
            {
                var written = await pools.PatchBudgetsAsync(
                    pool.Name, pool.Metadata.ResourceVersion, budgets,
                    new Dictionary<string, string?> { [FreezeOwnership.Annotation] = annotation }, cancellationToken);
                FreezeMetrics.NodePoolPaused.WithLabels(pool.Name).Set(PauseBudgets.IsPaused(written.Budgets) ? 1 : 0);
                if (action is not null)
                {
                    await RecordAsync(freeze, written, action, cancellationToken);
                }

                return want;
            }
            catch (KubeApiException e) when (e.IsConflict && attempt < MaxAttempts)
            {
                Log.Conflict(logger, pool.Name, name, attempt);
                var fresh = await pools.GetAsync(pool.Name, cancellationToken);
                if (fresh is null)
                {
                    return false;
                }

                pool = fresh;
            }
        }
    }

    private async Task RecordAsync(ConsolidationFreeze freeze, NodePool pool, string action, CancellationToken cancellationToken)
    {
        var verb = action == "Paused" ? "paused" : "resumed";
        Log.PoolChanged(logger, pool.Name, verb, freeze.Name);
        await events.RecordAsync(pool.ApiVersion, pool.Kind, pool.Name, pool.Metadata.Uid, "Normal", action, action,
            $"Consolidation {verb} by ConsolidationFreeze {freeze.Name}", cancellationToken);
        await events.RecordAsync(freeze.ApiVersion, freeze.Kind, freeze.Name, freeze.Metadata.Uid, "Normal", action + "NodePool", action,
            $"Consolidation {verb} on NodePool {pool.Name}", cancellationToken);
    }

    private async Task<ConsolidationFreeze> SetFinalizerAsync(ConsolidationFreeze freeze, bool present, CancellationToken cancellationToken)
    {
        var finalizers = (freeze.Metadata.Finalizers ?? []).Where(f => f != Finalizer).ToList();
        if (present)
        {
            finalizers.Add(Finalizer);
        }

        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["resourceVersion"] = freeze.Metadata.ResourceVersion,
                ["finalizers"] = new System.Text.Json.Nodes.JsonArray(finalizers.Select(f => (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(f)).ToArray()),
            },
        };
        return await Freezes.PatchAsync(null, freeze.Name, KubePatch.Merge(patch.ToJsonString()), cancellationToken);
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

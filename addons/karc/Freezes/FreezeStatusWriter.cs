using System.Globalization;
using Addons.Karc.NodePools;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Helpers;
using k8s.Models;

namespace Addons.Karc.Freezes;

/// <summary>
/// Writes a freeze's status (active, held pools, next transition, conditions Ready and Active) through the status
/// subresource with the kit's status patch — only when something changed, so a status write never loops the
/// controller. The kit's <see cref="Conditions"/> helper moves <c>lastTransitionTime</c> only when a condition's status moves.
/// </summary>
internal sealed class FreezeStatusWriter(KubeApi kube, EventRecorder events)
{
    /// <summary>The Active condition's reason once a one-off window is over (what <c>karc status</c> shows as <c>Ended</c>).</summary>
    public const string EndedReason = "Ended";

    public async Task WriteAsync(ConsolidationFreeze freeze, FreezePlan plan, bool holding, bool suspended, IReadOnlyList<string> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var old = freeze.Status ?? new FreezeStatus();
        var generation = freeze.Metadata.Generation;
        // Conditions carry whole seconds (metav1.Time); the copies keep the cached object untouched.
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var conditions = old.Conditions.Select(Copy).ToList();
        var oldReady = Conditions.Find(old.Conditions, "Ready");

        var readyReason = plan.Valid ? "Valid" : ReasonFor(plan.InvalidField!);
        var readyMessage = plan.Valid ? "The spec is valid" : $"{plan.InvalidField}: {plan.Message}";
        var changed = Conditions.Set(conditions, "Ready", plan.Valid ? ConditionStatus.True : ConditionStatus.False, readyReason, readyMessage, generation, at);
        var (activeReason, activeMessage) = holding ? ("InWindow", $"Holding {held.Count} NodePool(s) paused")
            : !plan.Valid ? ("InvalidSpec", "The spec is invalid")
            : plan.Ended ? (EndedReason, "The one-off window has ended; this freeze will not be active again")
            : suspended ? ("Suspended", "spec.suspend is true")
            : ("OutsideWindow", "Outside the freeze window");
        changed |= Conditions.Set(conditions, "Active", holding ? ConditionStatus.True : ConditionStatus.False, activeReason, activeMessage, generation, at);

        var status = new FreezeStatus
        {
            Active = holding,
            PausedNodePools = [.. held],
            NextTransition = plan.NextTransition?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ObservedGeneration = generation,
            Conditions = conditions,
        };
        changed |= old.Active != status.Active || !old.PausedNodePools.SequenceEqual(status.PausedNodePools, StringComparer.Ordinal)
            || old.NextTransition != status.NextTransition || old.ObservedGeneration != status.ObservedGeneration;
        if (!changed)
        {
            return;
        }

        await kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze)
            .PatchStatusAsync(freeze, status, KarcJsonContext.Default.FreezeStatus, optimistic: false, cancellationToken);

        if (!plan.Valid && (oldReady?.Status != ConditionStatus.False || oldReady.Reason != readyReason))
        {
            await events.RecordAsync(freeze, KubeEventType.Warning, readyReason, "Validate", readyMessage, cancellationToken);
        }
    }

    /// <summary>A condition reason naming the invalid field: <c>spec.schedule.timeZone</c> → <c>InvalidScheduleTimeZone</c>.</summary>
    internal static string ReasonFor(string field)
    {
        var parts = field.Split('.').Skip(field.StartsWith("spec.", StringComparison.Ordinal) ? 1 : 0);
        return "Invalid" + string.Concat(parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static V1Condition Copy(V1Condition c) => new()
    {
        Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message, ObservedGeneration = c.ObservedGeneration, LastTransitionTime = c.LastTransitionTime,
    };
}

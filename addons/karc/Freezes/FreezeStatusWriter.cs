using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Karc.NodePools;
using Addons.Kit.Kubernetes.Client;

namespace Addons.Karc.Freezes;

/// <summary>
/// Writes a freeze's status (active, held pools, next transition, conditions Ready and Active) through
/// the status subresource — only when something changed, so a status write never loops the controller.
/// </summary>
internal sealed class FreezeStatusWriter(KubeApi kube, FreezeEvents events)
{
    /// <summary>The Active condition's reason once a one-off window is over (what <c>karc status</c> shows as <c>Ended</c>).</summary>
    public const string EndedReason = "Ended";

    public async Task WriteAsync(ConsolidationFreeze freeze, FreezePlan plan, bool holding, bool suspended, IReadOnlyList<string> held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var old = freeze.Status ?? new FreezeStatus();
        var generation = freeze.Metadata.Generation;
        var stamp = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var ready = plan.Valid
            ? Condition("Ready", "True", "Valid", "The spec is valid", generation)
            : Condition("Ready", "False", ReasonFor(plan.InvalidField!), $"{plan.InvalidField}: {plan.Message}", generation);
        var active = holding
            ? Condition("Active", "True", "InWindow", $"Holding {held.Count} NodePool(s) paused", generation)
            : !plan.Valid ? Condition("Active", "False", "InvalidSpec", "The spec is invalid", generation)
            : plan.Ended ? Condition("Active", "False", EndedReason, "The one-off window has ended; this freeze will not be active again", generation)
            : suspended ? Condition("Active", "False", "Suspended", "spec.suspend is true", generation)
            : Condition("Active", "False", "OutsideWindow", "Outside the freeze window", generation);

        var status = new FreezeStatus
        {
            Active = holding,
            PausedNodePools = [.. held],
            NextTransition = plan.NextTransition?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ObservedGeneration = generation,
            Conditions = [Stamp(ready, old, stamp), Stamp(active, old, stamp)],
        };

        var before = JsonSerializer.Serialize(old, KarcJsonContext.Default.FreezeStatus);
        var after = JsonSerializer.Serialize(status, KarcJsonContext.Default.FreezeStatus);
        if (before == after)
        {
            return;
        }

        var body = JsonSerializer.SerializeToNode(status, KarcJsonContext.Default.FreezeStatus)!.AsObject();
        if (status.NextTransition is null)
        {
            // A merge patch keeps fields it does not mention: null is what removes a transition that has passed.
            body["nextTransition"] = null;
        }

        var patch = new JsonObject { ["status"] = body };
        await kube.For(FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze)
            .PatchStatusAsync(null, freeze.Name, KubePatch.Merge(patch.ToJsonString()), cancellationToken);

        var oldReady = old.Conditions.FirstOrDefault(c => c.Type == "Ready");
        if (!plan.Valid && (oldReady?.Status != "False" || oldReady.Reason != ready.Reason))
        {
            await events.RecordAsync(freeze.ApiVersion, freeze.Kind, freeze.Name, freeze.Metadata.Uid, "Warning", ready.Reason, "Validate", ready.Message, cancellationToken);
        }
    }

    /// <summary>A condition reason naming the invalid field: <c>spec.schedule.timeZone</c> → <c>InvalidScheduleTimeZone</c>.</summary>
    internal static string ReasonFor(string field)
    {
        var parts = field.Split('.').Skip(field.StartsWith("spec.", StringComparison.Ordinal) ? 1 : 0);
        return "Invalid" + string.Concat(parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static FreezeCondition Condition(string type, string status, string reason, string message, long? generation) =>
        new() { Type = type, Status = status, Reason = reason, Message = message, ObservedGeneration = generation };

    private static FreezeCondition Stamp(FreezeCondition condition, FreezeStatus old, string now)
    {
        var previous = old.Conditions.FirstOrDefault(c => c.Type == condition.Type);
        condition.LastTransitionTime = previous is not null && previous.Status == condition.Status ? previous.LastTransitionTime ?? now : now;
        return condition;
    }
}

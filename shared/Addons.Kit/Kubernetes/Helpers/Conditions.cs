using k8s.Models;

namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>
/// Maintains a status's <c>conditions</c> list the Kubernetes way (metav1.Condition semantics, as
/// apimachinery's <c>meta.SetStatusCondition</c>): one entry per type; <c>lastTransitionTime</c> moves only
/// when <c>status</c> changes; reason, message and <c>observedGeneration</c> are updated in place.
/// <code>
/// var changed = Conditions.Set(status.Conditions, "Ready", ConditionStatus.False, "UpgradeInProgress", "upgrading", obj.Metadata.Generation, time.GetUtcNow());
/// if (changed) { await client.PatchStatusAsync(obj, status, json, optimistic: true, ct); }
/// </code>
/// </summary>
/// <remarks>Not thread-safe: work on the status copy of one reconcile.</remarks>
public static class Conditions
{
    /// <summary>
    /// Adds or updates the condition of <paramref name="type"/>. Returns true when anything changed (so the
    /// caller knows whether a status write is needed).
    /// </summary>
    /// <param name="conditions">The status's list (modified in place).</param>
    /// <param name="type">Condition type, e.g. <c>Ready</c>.</param>
    /// <param name="status"><see cref="ConditionStatus.True"/>, <see cref="ConditionStatus.False"/> or <see cref="ConditionStatus.Unknown"/>.</param>
    /// <param name="reason">CamelCase reason, e.g. <c>UpgradeCompleted</c> (required by the API).</param>
    /// <param name="message">Human-readable detail.</param>
    /// <param name="observedGeneration">The object's <c>metadata.generation</c> this condition was computed from.</param>
    /// <param name="now">The transition time to use when <paramref name="status"/> changes.</param>
    /// <exception cref="ArgumentException">An empty type or reason, or a status other than True, False or Unknown.</exception>
    public static bool Set(IList<V1Condition> conditions, string type, string status, string reason, string? message, long? observedGeneration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (status is not (ConditionStatus.True or ConditionStatus.False or ConditionStatus.Unknown))
        {
            throw new ArgumentException($"condition status \"{status}\" is invalid; accepted: True, False, Unknown", nameof(status));
        }

        message ??= "";
        var existing = Find(conditions, type);
        if (existing is null)
        {
            conditions.Add(new V1Condition
            {
                Type = type,
                Status = status,
                Reason = reason,
                Message = message,
                ObservedGeneration = observedGeneration,
                LastTransitionTime = now.UtcDateTime,
            });
            return true;
        }

        var changed = false;
        if (existing.Status != status)
        {
            existing.Status = status;
            existing.LastTransitionTime = now.UtcDateTime;
            changed = true;
        }

        if (existing.Reason != reason)
        {
            existing.Reason = reason;
            changed = true;
        }

        if (existing.Message != message)
        {
            existing.Message = message;
            changed = true;
        }

        if (existing.ObservedGeneration != observedGeneration)
        {
            existing.ObservedGeneration = observedGeneration;
            changed = true;
        }

        return changed;
    }

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.Ordinal));

    /// <summary>True when the condition of <paramref name="type"/> exists with status True.</summary>
    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) => Find(conditions, type)?.Status == ConditionStatus.True;

    /// <summary>
    /// True when the condition exists, is True and was computed for <paramref name="generation"/> — "ready for
    /// the current spec", not for an older one.
    /// </summary>
    public static bool IsTrueFor(IEnumerable<V1Condition>? conditions, string type, long? generation) =>
        Find(conditions, type) is { Status: ConditionStatus.True } c && c.ObservedGeneration == generation;

    /// <summary>Removes the condition of <paramref name="type"/>; returns true when there was one.</summary>
    public static bool Remove(IList<V1Condition> conditions, string type)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var existing = Find(conditions, type);
        return existing is not null && conditions.Remove(existing);
    }
}

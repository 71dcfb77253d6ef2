using System.Globalization;
using Addons.Karc.Freezes;

namespace Addons.Karc.Status;

/// <summary>Turns ConsolidationFreezes into status rows (what they target, what they hold, what is next).</summary>
internal static class FreezeRows
{
    /// <param name="freeze">The freeze as read.</param>
    /// <param name="now">The CLI's clock: a one-off window that is over shows as <c>Ended</c> even when no controller
    /// has written that yet (the status may still carry the transition that has passed).</param>
    public static FreezeRow From(ConsolidationFreeze freeze, DateTimeOffset now)
    {
        var status = freeze.Status;
        var ready = status?.Conditions.FirstOrDefault(c => c.Type == "Ready");
        var ended = status?.Conditions.Any(c => c is { Type: "Active", Reason: FreezeStatusWriter.EndedReason }) == true
            || FreezeEvaluator.Evaluate(freeze.Spec, now) is { Valid: true, Ended: true };
        DateTimeOffset? next = !ended && DateTimeOffset.TryParse(status?.NextTransition, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new FreezeRow(
            freeze.Name,
            status?.Active ?? false,
            freeze.Spec?.Suspend ?? false,
            ready?.Status != "False",
            freeze.Spec?.NodePools ?? [],
            status?.PausedNodePools ?? [],
            next,
            ended);
    }
}

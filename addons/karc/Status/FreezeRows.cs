using System.Globalization;
using Addons.Karc.Freezes;

namespace Addons.Karc.Status;

/// <summary>Turns ConsolidationFreezes into status rows (what they target, what they hold, what is next).</summary>
internal static class FreezeRows
{
    public static FreezeRow From(ConsolidationFreeze freeze)
    {
        var status = freeze.Status;
        var ready = status?.Conditions.FirstOrDefault(c => c.Type == "Ready");
        DateTimeOffset? next = DateTimeOffset.TryParse(status?.NextTransition, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new FreezeRow(
            freeze.Name,
            status?.Active ?? false,
            freeze.Spec?.Suspend ?? false,
            ready?.Status != "False",
            freeze.Spec?.NodePools ?? [],
            status?.PausedNodePools ?? [],
            next);
    }
}

using Addons.Karc.Freezes;
using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;
using Addons.Karc.Schedules;

namespace Addons.Karc.Status;

/// <summary>Builds a <see cref="StatusReport"/> from cluster objects. Pure: no I/O, time passed in.</summary>
internal static class StatusReportBuilder
{
    /// <summary>Builds the report; <paramref name="claims"/> are the NodeClaims to count (the caller filters them with the pools); <paramref name="now"/> decides which windows are open.</summary>
    public static StatusReport Build(
        string apiVersion,
        string context,
        TimeZoneInfo zone,
        IReadOnlyList<NodePool> pools,
        IReadOnlyList<NodeClaim> claims,
        IReadOnlyList<FreezeRow>? freezes,
        DateTimeOffset now)
    {
        var claimCounts = claims
            .Where(c => c.NodePoolName is not null)
            .GroupBy(c => c.NodePoolName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var rows = new List<NodePoolRow>();
        var schedules = new List<ScheduleRow>();
        foreach (var pool in pools.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var budgets = pool.Budgets;
            var disruption = pool.Spec?.Disruption;
            rows.Add(new NodePoolRow(
                pool.Name,
                pool.Spec?.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                disruption?.ConsolidationPolicy ?? Disruption.DefaultPolicy,
                disruption?.ConsolidateAfter ?? Disruption.DefaultConsolidateAfter,
                BudgetView.Summary(budgets),
                claimCounts.GetValueOrDefault(pool.Name),
                PauseBudgets.IsPaused(budgets),
                budgets?.Count(b => b.IsScheduled) ?? 0,
                FreezeOwnership.Holders(pool)));

            AddSchedules(schedules, pool, zone, now);
        }

        return new StatusReport(apiVersion, context, zone.Id, rows, claims.Count, schedules, freezes);
    }

    private static void AddSchedules(List<ScheduleRow> schedules, NodePool pool, TimeZoneInfo zone, DateTimeOffset now)
    {
        var budgets = pool.Budgets;
        if (budgets is null)
        {
            return;
        }

        var anyOpen = false;
        var anyScheduled = false;
        foreach (var budget in budgets.Where(b => b.IsScheduled))
        {
            anyScheduled = true;
            var window = new ScheduleWindow(budget.Schedule, budget.Duration);
            var open = window.IsOpen(now);
            anyOpen |= open;
            var cells = BudgetView.ReasonCells(budget);
            schedules.Add(new ScheduleRow(
                pool.Name,
                window.Render(zone, now),
                string.IsNullOrEmpty(budget.Duration) ? "-" : budget.Duration,
                cells[0], cells[1], cells[2], cells[3],
                open));
        }

        if (anyScheduled && !anyOpen)
        {
            var cells = BudgetView.FallbackCells(budgets);
            schedules.Add(new ScheduleRow(pool.Name, "Fallback", "-", cells[0], cells[1], cells[2], cells[3], Active: true));
        }
    }
}

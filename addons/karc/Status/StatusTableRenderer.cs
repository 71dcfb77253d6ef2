using System.Globalization;
using System.Text;
using Addons.Karc.Cli;

namespace Addons.Karc.Status;

/// <summary>Renders a <see cref="StatusReport"/> as the kubectl-style text output (table and wide).</summary>
internal static class StatusTableRenderer
{
    public static string Render(StatusReport report, bool wide, Palette palette)
    {
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture,
            $"NodePools/karpenter.sh/{report.ApiVersion} (context: {report.Context}, {report.NodePools.Count} nodepools, {report.NodeClaims} nodeclaims):\n");

        var pools = wide
            ? new TableWriter("NODEPOOL", "WEIGHT", "POLICY", "AFTER", "BUDGETS", "NODECLAIMS", "SCHEDULED", "HELD-BY", "STATE")
            : new TableWriter("NODEPOOL", "WEIGHT", "POLICY", "AFTER", "BUDGETS", "NODECLAIMS", "STATE");
        foreach (var p in report.NodePools)
        {
            var state = p.Paused ? "Paused" : "Active";
            var claims = p.NodeClaims.ToString(CultureInfo.InvariantCulture);
            string[] cells = wide
                ? [p.Name, p.Weight, p.Policy, p.ConsolidateAfter, p.Budgets, claims,
                    p.ScheduledBudgets.ToString(CultureInfo.InvariantCulture), p.HeldBy.Count == 0 ? "-" : string.Join(',', p.HeldBy), state]
                : [p.Name, p.Weight, p.Policy, p.ConsolidateAfter, p.Budgets, claims, state];
            pools.Add(cells, p.Paused ? palette.Warning : palette.Ok);
        }

        pools.WriteTo(output);

        if (report.Schedules.Count > 0)
        {
            output.Append(CultureInfo.InvariantCulture, $"\nDisruption Schedules ({report.TimeZone}):\n");
            var table = new TableWriter("NODEPOOL", "WINDOW", "DUR", "EMPTY", "DRIFTED", "UNDERUTILIZED", "EXPIRED", "STATE");
            foreach (var s in report.Schedules)
            {
                table.Add(
                    [s.NodePool, s.Window, s.Duration, s.Empty, s.Drifted, s.Underutilized, s.Expired, s.Active ? "Active" : "-"],
                    s.Active ? palette.Ok : null);
            }

            table.WriteTo(output);
        }

        if (report.Freezes is { Count: > 0 } freezes)
        {
            output.Append("\nConsolidation Freezes:\n");
            var table = new TableWriter("FREEZE", "NODEPOOLS", "HOLDING", "NEXT", "STATE");
            foreach (var f in freezes)
            {
                var state = !f.Ready ? "Invalid" : f.Ended ? "Ended" : f.Suspended ? "Suspended" : f.Active ? "Active" : "Waiting";
                table.Add(
                    [
                        f.Name,
                        f.NodePools.Count == 0 ? "-" : string.Join(',', f.NodePools),
                        f.Holding.Count == 0 ? "-" : string.Join(',', f.Holding),
                        f.NextTransition is { } next ? Local(next, report.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-",
                        state,
                    ],
                    f.Active ? palette.Warning : null);
            }

            table.WriteTo(output);
        }

        return output.ToString();
    }

    // Freeze transitions are shown in the same zone as the schedule windows.
    private static DateTimeOffset Local(DateTimeOffset instant, string zone) =>
        Schedules.TimeZones.TryResolve(zone, out var tz) ? TimeZoneInfo.ConvertTime(instant, tz) : instant.ToUniversalTime();
}

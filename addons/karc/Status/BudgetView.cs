using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;

namespace Addons.Karc.Status;

/// <summary>How budgets read in the status tables: the summary column, reason cells and the fallback row.</summary>
internal static class BudgetView
{
    /// <summary>The four disruption reasons shown as timetable columns, in column order.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["Empty", "Drifted", "Underutilized", "Expired"];

    /// <summary>Shown when no unscheduled budget limits disruption outside the windows.</summary>
    public const string Unlimited = "∞";

    /// <summary>The first unscheduled budget that is not karc's pause, or null.</summary>
    public static Budget? FirstUnscheduled(IReadOnlyList<Budget>? budgets) =>
        budgets?.FirstOrDefault(b => !b.IsScheduled && !PauseBudgets.IsPause(b));

    /// <summary>BUDGETS column: <c>nodes</c> of the first unscheduled non-pause budget, else <c>10%</c>.</summary>
    public static string Summary(IReadOnlyList<Budget>? budgets) =>
        FirstUnscheduled(budgets)?.Nodes ?? PauseBudgets.DefaultNodes;

    /// <summary>True when <paramref name="budget"/> applies to <paramref name="reason"/> (all reasons when none are listed).</summary>
    public static bool AppliesTo(Budget budget, string reason) =>
        budget.Reasons is null or { Count: 0 } ||
        budget.Reasons.Any(r => string.Equals(r, reason, StringComparison.OrdinalIgnoreCase));

    /// <summary>The four reason cells for a budget: its <c>nodes</c> where it applies, else <c>-</c>.</summary>
    public static string[] ReasonCells(Budget budget) =>
        Reasons.Select(r => AppliesTo(budget, r) ? budget.Nodes ?? "-" : "-").ToArray();

    /// <summary>Reason cells of the Fallback row: from the first unscheduled non-pause budget, else <c>∞</c> everywhere.</summary>
    public static string[] FallbackCells(IReadOnlyList<Budget>? budgets) =>
        FirstUnscheduled(budgets) is { } b ? ReasonCells(b) : [Unlimited, Unlimited, Unlimited, Unlimited];
}

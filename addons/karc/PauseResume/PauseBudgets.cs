using Addons.Karc.NodePools;

namespace Addons.Karc.PauseResume;

/// <summary>
/// What a pause is, and how pause and resume rewrite a budget list.
/// </summary>
/// <remarks>
/// A pause budget is exactly <c>{nodes: "0"}</c> with no schedule, no duration and no reasons. A
/// <c>{nodes: "0", reasons: [...]}</c> budget is the user's (it blocks only some disruption
/// reasons) and is never treated as karc's pause.
/// </remarks>
internal static class PauseBudgets
{
    /// <summary>The budget Karpenter applies when a NodePool has none; written when resume empties the list.</summary>
    public const string DefaultNodes = "10%";

    /// <summary>True when <paramref name="budget"/> is a pause budget.</summary>
    public static bool IsPause(Budget budget) =>
        budget.Nodes == "0" &&
        string.IsNullOrEmpty(budget.Schedule) &&
        string.IsNullOrEmpty(budget.Duration) &&
        budget.Reasons is null or { Count: 0 } &&
        budget.Extra is null or { Count: 0 };

    /// <summary>True when any budget in <paramref name="budgets"/> is a pause budget.</summary>
    public static bool IsPaused(IReadOnlyList<Budget>? budgets) => budgets is not null && budgets.Any(IsPause);

    /// <summary>The budgets with a pause budget prepended, every other budget kept in order.</summary>
    public static List<Budget> Pause(IReadOnlyList<Budget>? budgets)
    {
        var result = new List<Budget> { new() { Nodes = "0" } };
        if (budgets is not null)
        {
            result.AddRange(budgets);
        }

        return result;
    }

    /// <summary>The budgets without pause budgets; <c>[{nodes: "10%"}]</c> when nothing remains (Karpenter requires one).</summary>
    public static List<Budget> Resume(IReadOnlyList<Budget>? budgets)
    {
        var result = budgets is null ? [] : budgets.Where(b => !IsPause(b)).ToList();
        if (result.Count == 0)
        {
            result.Add(new Budget { Nodes = DefaultNodes });
        }

        return result;
    }
}

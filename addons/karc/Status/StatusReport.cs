namespace Addons.Karc.Status;

/// <summary>Everything <c>karc status</c> shows, independent of the output format.</summary>
internal sealed record StatusReport(
    string ApiVersion,
    string Context,
    string TimeZone,
    IReadOnlyList<NodePoolRow> NodePools,
    int NodeClaims,
    IReadOnlyList<ScheduleRow> Schedules,
    IReadOnlyList<FreezeRow>? Freezes);

/// <summary>One NodePool line of the main table.</summary>
internal sealed record NodePoolRow(
    string Name,
    string Weight,
    string Policy,
    string ConsolidateAfter,
    string Budgets,
    int NodeClaims,
    bool Paused,
    int ScheduledBudgets,
    IReadOnlyList<string> HeldBy);

/// <summary>One line of the disruption timetable: a scheduled budget, or a NodePool's Fallback row.</summary>
internal sealed record ScheduleRow(
    string NodePool,
    string Window,
    string Duration,
    string Empty,
    string Drifted,
    string Underutilized,
    string Expired,
    bool Active);

/// <summary>One ConsolidationFreeze and the pools it holds.</summary>
internal sealed record FreezeRow(
    string Name,
    bool Active,
    bool Suspended,
    bool Ready,
    IReadOnlyList<string> NodePools,
    IReadOnlyList<string> Holding,
    DateTimeOffset? NextTransition,
    bool Ended = false);

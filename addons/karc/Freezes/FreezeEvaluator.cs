using System.Globalization;
using Addons.Kit.Settings;
using Addons.Karc.Schedules;

namespace Addons.Karc.Freezes;

/// <summary>Evaluates a <see cref="FreezeSpec"/> at an instant. Pure; never throws on bad specs.</summary>
internal static class FreezeEvaluator
{
    public static FreezePlan Evaluate(FreezeSpec? spec, DateTimeOffset now)
    {
        if (spec is null)
        {
            return FreezePlan.Invalid("spec", "spec is required");
        }

        if (spec.NodePools is not { Count: > 0 } pools || pools.Any(string.IsNullOrWhiteSpace))
        {
            return FreezePlan.Invalid("spec.nodePools", "spec.nodePools must list NodePool names or \"*\"");
        }

        if ((spec.Window is null) == (spec.Schedule is null))
        {
            return FreezePlan.Invalid("spec.window", "exactly one of spec.window and spec.schedule must be set");
        }

        var plan = spec.Window is { } window ? EvaluateWindow(window, now) : EvaluateSchedule(spec.Schedule!, now);
        return plan;
    }

    /// <summary>True when <paramref name="spec"/> targets <paramref name="nodePool"/>.</summary>
    public static bool Targets(FreezeSpec? spec, string nodePool) =>
        spec?.NodePools is { } pools && pools.Any(p => p == "*" || p == nodePool);

    private static FreezePlan EvaluateWindow(FreezeWindow window, DateTimeOffset now)
    {
        if (!TryParseInstant(window.Start, out var start))
        {
            return FreezePlan.Invalid("spec.window.start", $"spec.window.start is not an RFC 3339 time with an offset: '{window.Start}'");
        }

        if (!TryParseInstant(window.End, out var end))
        {
            return FreezePlan.Invalid("spec.window.end", $"spec.window.end is not an RFC 3339 time with an offset: '{window.End}'");
        }

        if (end <= start)
        {
            return FreezePlan.Invalid("spec.window.end", "spec.window.end must be after spec.window.start");
        }

        var active = start <= now && now < end;
        DateTimeOffset? next = now < start ? start : now < end ? end : null;
        return new FreezePlan(true, null, null, active, next, Ended: now >= end);
    }

    private static FreezePlan EvaluateSchedule(FreezeSchedule schedule, DateTimeOffset now)
    {
        if (CronExpression.TryParse(schedule.Cron) is null)
        {
            return FreezePlan.Invalid("spec.schedule.cron", $"spec.schedule.cron is not a 5-field cron expression: '{schedule.Cron}'");
        }

        if (!GoDuration.TryParse(schedule.Duration, out var duration) || duration <= TimeSpan.Zero)
        {
            return FreezePlan.Invalid("spec.schedule.duration", $"spec.schedule.duration is not a positive duration such as 60h: '{schedule.Duration}'");
        }

        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(schedule.TimeZone) && !TimeZones.TryResolve(schedule.TimeZone, out zone))
        {
            return FreezePlan.Invalid("spec.schedule.timeZone", $"Invalid timezone: {schedule.TimeZone}");
        }

        var window = new ScheduleWindow(schedule.Cron, schedule.Duration, zone);
        return new FreezePlan(true, null, null, window.IsOpen(now), window.NextTransition(now));
    }

    private static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        // An offset (or Z) is required: a bare local time would depend on the controller's zone.
        return !string.IsNullOrEmpty(text) &&
            (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal)) &&
            text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }
}

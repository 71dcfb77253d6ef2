using System.Globalization;
using Addons.Kit.Settings;

namespace Addons.Karc.Schedules;

/// <summary>
/// A recurring disruption window: a cron expression (UTC for Karpenter budgets) and a duration.
/// Decides whether the window is open at an instant and renders it in a display zone.
/// </summary>
/// <remarks>
/// Guarantees: never throws on malformed input — an expression or duration that cannot be parsed
/// renders as <c>&lt;cron&gt; + &lt;duration&gt;</c> and is never open.
/// </remarks>
internal sealed class ScheduleWindow
{
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _scheduleZone;

    /// <summary>Creates a window; <paramref name="scheduleZone"/> is the zone the cron is written in (UTC for Karpenter).</summary>
    public ScheduleWindow(string? cron, string? duration, TimeZoneInfo? scheduleZone = null)
    {
        CronText = cron ?? string.Empty;
        DurationText = duration ?? string.Empty;
        _scheduleZone = scheduleZone ?? TimeZoneInfo.Utc;
        _cron = CronExpression.TryParse(cron);
        var durationOk = GoDuration.TryParse(duration, out var parsed);
        IsValid = _cron is not null && durationOk;
        Duration = durationOk ? parsed : TimeSpan.Zero;
    }

    public string CronText { get; }

    public string DurationText { get; }

    /// <summary>True when both the cron expression and the duration parse.</summary>
    public bool IsValid { get; }

    public TimeSpan Duration { get; }

    /// <summary>The start of the occurrence open at <paramref name="now"/>, or null when closed.</summary>
    public DateTimeOffset? OpenOccurrence(DateTimeOffset now)
    {
        if (!IsValid || Duration <= TimeSpan.Zero)
        {
            return null;
        }

        // Only the latest start can still be open: every earlier one ends no later than it does.
        var last = _cron!.PreviousAtOrBefore(now, _scheduleZone);
        return last is not null && now < last.Value + Duration ? last : null;
    }

    /// <summary>True when the window is open at <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => OpenOccurrence(now) is not null;

    /// <summary>
    /// The next instant after <paramref name="now"/> at which <see cref="IsOpen"/> changes: the end of
    /// the open occurrence, or the next start. Null when the window never changes state.
    /// </summary>
    public DateTimeOffset? NextTransition(DateTimeOffset now)
    {
        if (!IsValid || Duration <= TimeSpan.Zero)
        {
            return null;
        }

        var open = OpenOccurrence(now);
        if (open is null)
        {
            return _cron!.NextAfter(now, _scheduleZone);
        }

        // Back-to-back or overlapping occurrences keep the window open; walk to the real end.
        var end = open.Value + Duration;
        for (var i = 0; i < 1000; i++)
        {
            var next = _cron!.NextAfter(open.Value, _scheduleZone);
            if (next is null || next.Value > end)
            {
                return end;
            }

            open = next;
            end = next.Value + Duration > end ? next.Value + Duration : end;
        }

        return end;
    }

    /// <summary>
    /// Renders the window in <paramref name="display"/>: <c>Fri 09:00 - 17:00</c>. The day moves when
    /// the zone shift crosses midnight, and the offset used is the one in force at the occurrence
    /// shown (the open one, else the next), so DST is honoured.
    /// </summary>
    public string Render(TimeZoneInfo display, DateTimeOffset now)
    {
        var raw = $"{CronText} + {DurationText}";
        if (!IsValid || _cron!.IsMacro)
        {
            return raw;
        }

        var minute = _cron.Minute.SingleValue;
        var hour = _cron.Hour.SingleValue;
        if (minute is null || hour is null || !_cron.DayOfMonth.IsStar || !_cron.Month.IsStar)
        {
            // Several starts a day, or a calendar-day schedule: no single "days HH:MM" label fits.
            return raw;
        }

        var occurrence = OpenOccurrence(now) ?? _cron.NextAfter(now, _scheduleZone) ?? now;
        var start = TimeZoneInfo.ConvertTime(occurrence, display);
        var end = TimeZoneInfo.ConvertTime(occurrence + Duration, display);
        var scheduled = TimeZoneInfo.ConvertTime(occurrence, _scheduleZone);
        var dayShift = (start.Date - scheduled.Date).Days;

        var days = DayLabels.For(_cron.DayOfWeek, dayShift);
        return string.Create(CultureInfo.InvariantCulture, $"{days} {start:HH:mm} - {end:HH:mm}");
    }
}

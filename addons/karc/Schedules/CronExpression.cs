namespace Addons.Karc.Schedules;

/// <summary>
/// A standard 5-field cron expression (minute hour day-of-month month day-of-week) with the
/// <c>@daily</c>-style macros Karpenter accepts, evaluated against wall-clock time in a zone.
/// </summary>
/// <remarks>
/// Semantics follow robfig/cron (what Karpenter uses): when both day fields are restricted a day
/// matches if either does; otherwise both must match. A wall-clock time skipped by a DST gap does not fire.
/// </remarks>
internal sealed class CronExpression
{
    // Bounded look-around so an expression that never fires (e.g. "0 0 30 2 *") cannot loop forever;
    // five years covers every leap-day schedule.
    private const int MaxSearchDays = 366 * 5;

    private CronExpression(string text, CronField minute, CronField hour, CronField dayOfMonth, CronField month, CronField dayOfWeek, bool isMacro)
    {
        Text = text;
        Minute = minute;
        Hour = hour;
        DayOfMonth = dayOfMonth;
        Month = month;
        DayOfWeek = dayOfWeek;
        IsMacro = isMacro;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>True when written as a macro such as <c>@daily</c> rather than five fields.</summary>
    public bool IsMacro { get; }

    public CronField Minute { get; }

    public CronField Hour { get; }

    public CronField DayOfMonth { get; }

    public CronField Month { get; }

    public CronField DayOfWeek { get; }

    /// <summary>Parses <paramref name="text"/>; null when it is not a valid expression.</summary>
    public static CronExpression? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var expanded = trimmed.ToLowerInvariant() switch
        {
            "@yearly" or "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" or "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            _ => trimmed,
        };

        var fields = expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return null;
        }

        var minute = CronField.TryParse(fields[0], CronFieldKind.Minute);
        var hour = CronField.TryParse(fields[1], CronFieldKind.Hour);
        var dom = CronField.TryParse(fields[2], CronFieldKind.DayOfMonth);
        var month = CronField.TryParse(fields[3], CronFieldKind.Month);
        var dow = CronField.TryParse(fields[4], CronFieldKind.DayOfWeek);
        if (minute is null || hour is null || dom is null || month is null || dow is null)
        {
            return null;
        }

        return new CronExpression(trimmed, minute, hour, dom, month, dow, !ReferenceEquals(expanded, trimmed));
    }

    /// <summary>True when the expression fires on <paramref name="date"/> (any time of day).</summary>
    public bool MatchesDate(DateTime date)
    {
        if (!Month.Contains(date.Month))
        {
            return false;
        }

        var domMatch = DayOfMonth.Contains(date.Day);
        var dowMatch = DayOfWeek.Contains((int)date.DayOfWeek);
        return DayOfMonth.IsStar || DayOfWeek.IsStar ? domMatch && dowMatch : domMatch || dowMatch;
    }

    /// <summary>The latest fire time at or before <paramref name="instant"/>, evaluated in <paramref name="zone"/>; null if none within five years.</summary>
    public DateTimeOffset? PreviousAtOrBefore(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(instant, zone).Date;
        for (var d = 0; d <= MaxSearchDays; d++)
        {
            var date = localDate.AddDays(-d);
            if (!MatchesDate(date))
            {
                continue;
            }

            foreach (var h in Hour.Descending(0, 23))
            {
                foreach (var m in Minute.Descending(0, 59))
                {
                    var fire = ToInstant(date.AddHours(h).AddMinutes(m), zone);
                    if (fire is not null && fire.Value <= instant)
                    {
                        return fire;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The earliest fire time strictly after <paramref name="instant"/>, evaluated in <paramref name="zone"/>; null if none within five years.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(instant, zone).Date;
        for (var d = -1; d <= MaxSearchDays; d++)
        {
            var date = localDate.AddDays(d);
            if (!MatchesDate(date))
            {
                continue;
            }

            foreach (var h in Hour.Ascending(0, 23))
            {
                foreach (var m in Minute.Ascending(0, 59))
                {
                    var fire = ToInstant(date.AddHours(h).AddMinutes(m), zone);
                    if (fire is not null && fire.Value > instant)
                    {
                        return fire;
                    }
                }
            }
        }

        return null;
    }

    private static DateTimeOffset? ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        var offset = zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}

using System.Globalization;

namespace Addons.Gss.Schedules;

/// <summary>
/// Converts a UTC cron (GitHub Actions' <c>on.schedule[].cron</c>) to a local zone — the one
/// implementation every publisher uses.
/// <para><b>Guarantees:</b> hour and minute shift by the zone's offset at the given instant (fractional
/// offsets such as +05:30 and +05:45 too); hour lists and ranges convert element-wise and a range
/// that wraps midnight is split (<c>9-17</c> +9 → <c>18-23,0-2</c>); the day of week (numbers, lists,
/// ranges, names) moves when every hour crosses midnight the same way.</para>
/// <para><b>Caveats:</b> <c>*</c> and steps in the hour, minute ranges under a fractional offset, a
/// day-of-week restriction whose hours cross midnight in different directions, a day of month that
/// would leave 1–28, and anything that is not 5 fields are returned unchanged and marked UTC-relative.</para>
/// </summary>
internal static class CronLocalizer
{
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Converts with the zone's offset at <paramref name="at"/> (DST matters).</summary>
    public static LocalCron ToZone(string cron, TimeZoneInfo zone, DateTimeOffset at) => Convert(cron, zone.GetUtcOffset(at));

    /// <summary>Converts with a fixed offset from UTC.</summary>
    public static LocalCron Convert(string cron, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return new LocalCron(cron, true);
        }

        if (offset == TimeSpan.Zero)
        {
            return new LocalCron(string.Join(' ', fields), false);
        }

        var unchanged = new LocalCron(string.Join(' ', fields), true);
        var offsetMinutes = (int)offset.TotalMinutes;
        if (!ShiftMinutes(fields[0], offsetMinutes, out var minute, out var hourShift))
        {
            return unchanged;
        }

        if (!ShiftHours(fields[1], hourShift, out var hour, out var dayShifts))
        {
            return unchanged;
        }

        var dayOfMonth = fields[2];
        var dayOfWeek = fields[4];
        if (dayShifts.Count > 1 && (dayOfWeek != "*" || dayOfMonth != "*"))
        {
            return unchanged;
        }

        // Hours that cross midnight differently are only allowed with unrestricted days (checked above).
        var dayShift = dayShifts.Count == 1 ? dayShifts.Single() : 0;
        if (dayShift != 0)
        {
            if (dayOfWeek != "*" && !ShiftDaysOfWeek(dayOfWeek, dayShift, out dayOfWeek))
            {
                return unchanged;
            }

            if (dayOfMonth != "*" && !ShiftDaysOfMonth(dayOfMonth, dayShift, out dayOfMonth))
            {
                return unchanged;
            }
        }

        return new LocalCron($"{minute} {hour} {dayOfMonth} {fields[3]} {dayOfWeek}", false);
    }

    /// <summary>The minute field and the whole hours to shift by; fails when minutes carry differently.</summary>
    private static bool ShiftMinutes(string field, int offsetMinutes, out string minute, out int hourShift)
    {
        minute = field;
        hourShift = FloorDiv(offsetMinutes, 60);
        if (Mod(offsetMinutes, 60) == 0)
        {
            return true;
        }

        var values = new List<int>();
        foreach (var part in field.Split(','))
        {
            if (!TryNumber(part, 0, 59, out var m))
            {
                return false;
            }

            values.Add(m);
        }

        var shifts = values.Select(m => FloorDiv(m + offsetMinutes, 60)).Distinct().ToList();
        if (shifts.Count != 1)
        {
            return false;
        }

        hourShift = shifts[0];
        minute = string.Join(',', values.Select(m => Mod(m + offsetMinutes, 60).ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    private static bool ShiftHours(string field, int shift, out string hour, out HashSet<int> dayShifts)
    {
        hour = field;
        dayShifts = [];
        var parts = new List<string>();
        foreach (var part in field.Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (!TryNumber(part, 0, 23, out var h))
                {
                    return false;
                }

                parts.Add(Mod(h + shift, 24).ToString(CultureInfo.InvariantCulture));
                dayShifts.Add(FloorDiv(h + shift, 24));
                continue;
            }

            if (!TryNumber(part[..dash], 0, 23, out var from) || !TryNumber(part[(dash + 1)..], 0, 23, out var to) || from > to)
            {
                return false;
            }

            int a = from + shift, b = to + shift;
            int dayA = FloorDiv(a, 24), dayB = FloorDiv(b, 24);
            dayShifts.Add(dayA);
            dayShifts.Add(dayB);
            parts.Add(dayA == dayB
                ? Range(Mod(a, 24), Mod(b, 24))
                : Range(Mod(a, 24), 23) + "," + Range(0, Mod(b, 24)));
        }

        hour = string.Join(',', parts);
        return true;
    }

    private static bool ShiftDaysOfWeek(string field, int shift, out string result)
    {
        result = field;
        var parts = new List<string>();
        foreach (var part in field.Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var names = char.IsLetter(part[0]);
            if (dash < 0)
            {
                if (!TryDay(part, out var d))
                {
                    return false;
                }

                parts.Add(Day(Mod(d + shift, 7), names));
                continue;
            }

            if (!TryDay(part[..dash], out var from) || !TryDay(part[(dash + 1)..], out var to) || from > to)
            {
                return false;
            }

            int a = Mod(from + shift, 7), b = Mod(to + shift, 7);
            if (to - from == 6)
            {
                parts.Add(part);
            }
            else if (a <= b)
            {
                parts.Add(Day(a, names) + "-" + Day(b, names));
            }
            else
            {
                parts.Add((a == 6 ? Day(6, names) : Day(a, names) + "-" + Day(6, names)) + "," + (b == 0 ? Day(0, names) : Day(0, names) + "-" + Day(b, names)));
            }
        }

        result = string.Join(',', parts);
        return true;
    }

    private static bool ShiftDaysOfMonth(string field, int shift, out string result)
    {
        result = field;
        var parts = new List<string>();
        foreach (var part in field.Split(','))
        {
            if (!TryNumber(part, 1, 31, out var d) || d + shift < 1 || d + shift > 28)
            {
                return false;
            }

            parts.Add((d + shift).ToString(CultureInfo.InvariantCulture));
        }

        result = string.Join(',', parts);
        return true;
    }

    private static bool TryDay(string text, out int day)
    {
        var index = Array.IndexOf(DayNames, text.ToUpperInvariant());
        if (index >= 0)
        {
            day = index;
            return true;
        }

        if (TryNumber(text, 0, 7, out day))
        {
            day %= 7;
            return true;
        }

        return false;
    }

    private static string Day(int day, bool name) => name ? DayNames[day] : day.ToString(CultureInfo.InvariantCulture);

    private static string Range(int from, int to) =>
        from == to ? from.ToString(CultureInfo.InvariantCulture) : $"{from.ToString(CultureInfo.InvariantCulture)}-{to.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);

    private static int Mod(int a, int b) => ((a % b) + b) % b;
}

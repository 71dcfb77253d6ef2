namespace Addons.Karc.Schedules;

/// <summary>
/// Renders a cron day-of-week field as a label: <c>*</c> → <c>Daily</c>, <c>1-5</c> → <c>Mon-Fri</c>,
/// <c>1,3,5</c> → <c>Mon,Wed,Fri</c>, optionally shifted by whole days when a time-zone conversion
/// moves the window across midnight.
/// </summary>
internal static class DayLabels
{
    private static readonly string[] Names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>The label for a raw day-of-week field, or null when it is not a valid field.</summary>
    public static string? For(string dayOfWeekField, int dayShift = 0)
    {
        var field = CronField.TryParse(dayOfWeekField, CronFieldKind.DayOfWeek);
        return field is null ? null : For(field, dayShift);
    }

    /// <summary>The label for a parsed day-of-week field shifted by <paramref name="dayShift"/> days.</summary>
    public static string For(CronField field, int dayShift = 0)
    {
        if (Enumerable.Range(0, 7).All(field.Contains))
        {
            return "Daily";
        }

        var parts = new List<string>();
        foreach (var item in field.Items)
        {
            if (item.Step == 1 && item.From != item.To)
            {
                parts.Add($"{Name(item.From + dayShift)}-{Name(item.To + dayShift)}");
            }
            else
            {
                for (var v = item.From; v <= item.To; v += item.Step)
                {
                    parts.Add(Name(v + dayShift));
                }
            }
        }

        return string.Join(',', parts);
    }

    private static string Name(int day) => Names[((day % 7) + 7) % 7];
}

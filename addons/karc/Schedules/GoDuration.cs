using System.Globalization;

namespace Addons.Karc.Schedules;

/// <summary>
/// Parses Karpenter's duration strings: Go's <c>time.ParseDuration</c> syntax (<c>8h</c>, <c>90m</c>,
/// <c>2h30m</c>, <c>1.5h</c>, <c>0s</c>) plus a <c>d</c> (24 h) unit that users write for budgets.
/// </summary>
/// <remarks>Never throws: malformed input yields <see langword="false"/> so the status path can render it verbatim.</remarks>
internal static class GoDuration
{
    /// <summary>Tries to parse <paramref name="text"/>; negative durations are rejected (a budget window cannot be negative).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().AsSpan();
        if (s.SequenceEqual("0"))
        {
            return true;
        }

        decimal totalTicks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unitTicks = UnitTicks(s[unitStart..i]);
            if (unitTicks is null)
            {
                return false;
            }

            totalTicks += value * unitTicks.Value;
            if (totalTicks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)totalTicks);
        return true;
    }

    /// <summary>Formats a duration the way Go prints it, trimmed of zero parts (<c>2h30m</c>, <c>45m</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var hours = (long)duration.TotalHours;
        var parts = new System.Text.StringBuilder();
        if (hours > 0)
        {
            parts.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (duration.Minutes > 0)
        {
            parts.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (duration.Seconds > 0)
        {
            parts.Append(duration.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return parts.Length == 0 ? "0s" : parts.ToString();
    }

    private static long? UnitTicks(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 0, // below TimeSpan resolution; counted as zero rather than rejected
        "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        "d" => TimeSpan.TicksPerDay,
        _ => null,
    };
}

using System.Globalization;
using System.Text;

namespace Addons.Kit.Settings;

/// <summary>
/// The repo's one duration syntax: Go's <c>time.ParseDuration</c> (<c>90s</c>, <c>10m</c>, <c>2h30m</c>,
/// <c>1.5h</c>, <c>500ms</c>, <c>0</c>) plus a <c>d</c> unit (24 h), which Karpenter users and the
/// cleaner's <c>--min-file-age</c> accept.
/// </summary>
/// <remarks>
/// Guarantees: never throws on malformed input (<see cref="TryParse"/> returns false); units are
/// case-sensitive (<c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c>); a bare
/// number is accepted only when it is <c>0</c>, as in Go. Caveats: negative durations are rejected
/// (no setting in the repo means one); nanoseconds below a tick (100 ns) round down to zero.
/// </remarks>
public static class GoDuration
{
    /// <summary>What the parser accepts, for error messages and <c>--help</c>.</summary>
    public const string Accepted = "a duration such as 0, 500ms, 90s, 10m, 1h30m or 2d";

    /// <summary>Parses <paramref name="text"/> (surrounding white space ignored).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.SequenceEqual("0"))
        {
            return true;
        }

        decimal ticks = 0;
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

            if (UnitTicks(s[unitStart..i]) is not { } unit)
            {
                return false;
            }

            if (unit > 0 && value > (TimeSpan.MaxValue.Ticks - ticks) / unit)
            {
                return false;
            }

            ticks += value * unit;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Formats the way Go prints a duration, zero parts dropped: <c>2h30m</c>, <c>45m</c>, <c>1.5s</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = duration.Ticks % TimeSpan.TicksPerMinute;
        if (seconds > 0)
        {
            if (text.Length == 0 && seconds < TimeSpan.TicksPerSecond)
            {
                text.Append((seconds / (decimal)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)).Append("ms");
            }
            else
            {
                text.Append((seconds / (decimal)TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)).Append('s');
            }
        }

        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static long? UnitTicks(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 0,
        "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        "d" => TimeSpan.TicksPerDay,
        _ => null,
    };
}

using System.Globalization;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>Ages as kubectl shows them ("45s", "3m12s", "5h", "12d"), after apimachinery's HumanDuration.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return S(seconds) + "s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? S(minutes) + "m" : S(minutes) + "m" + S(seconds % 60) + "s";
        }

        if (minutes < 60 * 3)
        {
            return S(minutes) + "m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? S(hours) + "h" : S(hours) + "h" + S(minutes % 60) + "m";
        }

        if (hours < 48)
        {
            return S(hours) + "h";
        }

        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? S(hours / 24) + "d" : S(hours / 24) + "d" + S(hours % 24) + "h";
        }

        return hours < 24 * 365 * 2 ? S(hours / 24) + "d" : S(hours / 24 / 365) + "y";
    }

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Addons.Kit.Settings;

/// <summary>The value types settings use; each states what it accepts, so error lines and <c>--help</c> do too.</summary>
public static class SettingValues
{
    /// <summary>Any text (surrounding white space trimmed).</summary>
    public static SettingValue<string> Text(string accepted = "a string") =>
        new(accepted, static (string text, out string value) =>
        {
            value = text.Trim();
            return true;
        }, static value => value);

    /// <summary>A decimal integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static SettingValue<int> Integer(int min = int.MinValue, int max = int.MaxValue, string? accepted = null) =>
        new(accepted ?? DescribeRange(min, max), (string text, out int value) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max,
            static value => value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A TCP port; 0 turns the listener off.</summary>
    public static SettingValue<int> Port() => Integer(0, 65535, "an integer from 0 to 65535 (0 = off)");

    /// <summary><c>true</c>, <c>false</c>, <c>1</c> or <c>0</c> (case-insensitive); a bare flag means true.</summary>
    public static SettingValue<bool> Boolean() =>
        new("true, false, 1 or 0", static (string text, out bool value) =>
        {
            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE" or "1":
                    value = true;
                    return true;
                case "FALSE" or "0":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }, static value => value ? "true" : "false", isSwitch: true);

    /// <summary>A <see cref="GoDuration"/> from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static SettingValue<TimeSpan> Duration(TimeSpan? min = null, TimeSpan? max = null)
    {
        var low = min ?? TimeSpan.Zero;
        var high = max ?? TimeSpan.MaxValue;
        var accepted = GoDuration.Accepted
            + (min is null ? string.Empty : ", at least " + GoDuration.Format(low))
            + (max is null ? string.Empty : ", at most " + GoDuration.Format(high));
        return new(accepted, (string text, out TimeSpan value) => GoDuration.TryParse(text, out value) && value >= low && value <= high,
            GoDuration.Format);
    }

    /// <summary>One of <paramref name="words"/>, case-insensitive; the value is the word as listed.</summary>
    public static SettingValue<string> Words(params string[] words) =>
        Choice(words.Select(w => (w, w)).ToArray());

    /// <summary>One of the named choices, case-insensitive.</summary>
    public static SettingValue<T> Choice<T>(params (string Name, T Value)[] choices)
    {
        ArgumentOutOfRangeException.ThrowIfZero(choices.Length);
        return new(DescribeWords(choices.Select(c => c.Name).ToList()), (string text, out T value) =>
        {
            foreach (var (name, choice) in choices)
            {
                if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    value = choice;
                    return true;
                }
            }

            value = default!;
            return false;
        }, value => choices.FirstOrDefault(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Name ?? $"{value}");
    }

    /// <summary>
    /// A comma-separated list, entries trimmed and empty ones dropped. With <paramref name="keepBraces"/>
    /// a comma inside <c>{…}</c> does not split (<c>*.{js,ts}</c> is one glob) and <c>\,</c> stays escaped.
    /// </summary>
    public static SettingValue<IReadOnlyList<string>> List(bool keepBraces = false, string accepted = "a comma-separated list") =>
        new(accepted, (string text, out IReadOnlyList<string> value) =>
        {
            value = CommaList.Split(text, keepBraces);
            return true;
        }, static value => string.Join(",", value));

    private static string DescribeRange(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "an integer",
        (_, int.MaxValue) => $"an integer of at least {min}",
        (int.MinValue, _) => $"an integer of at most {max}",
        _ => $"an integer from {min} to {max}",
    };

    private static string DescribeWords(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
}

using System.Globalization;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>Just enough of Kubernetes resource quantities to add node capacities ("4" + "3920m", "16Gi" + "8Gi").</summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
    ];

    /// <summary>The sum, written with the largest binary suffix that divides it when the inputs are binary, else as a plain or milli value.</summary>
    public static string Sum(IReadOnlyList<string> quantities)
    {
        var total = quantities.Sum(Parse);
        var binary = quantities.Any(q => q.EndsWith('i'));
        foreach (var (suffix, factor) in new[] { ("Ti", Suffixes[3].Factor), ("Gi", Suffixes[2].Factor), ("Mi", Suffixes[1].Factor), ("Ki", Suffixes[0].Factor) })
        {
            if (binary && total >= factor && total % factor == 0)
            {
                return (total / factor).ToString("0", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return total % 1 == 0 ? total.ToString("0", CultureInfo.InvariantCulture) : (total * 1000).ToString("0", CultureInfo.InvariantCulture) + "m";
    }

    private static decimal Parse(string text)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && decimal.TryParse(text[..^suffix.Length], NumberStyles.Number, CultureInfo.InvariantCulture, out var scaled))
            {
                return scaled * factor;
            }
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var plain) ? plain : 0;
    }
}

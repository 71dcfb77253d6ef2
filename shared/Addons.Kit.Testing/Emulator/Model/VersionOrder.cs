using System.Text.RegularExpressions;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>Kubernetes version priority (v2 &gt; v1 &gt; v1beta2 &gt; v1beta1 &gt; v1alpha1), used to pick a group's preferred version.</summary>
internal static partial class VersionOrder
{
    public static IEnumerable<string> Sort(IEnumerable<string> versions) =>
        versions.Distinct().OrderByDescending(Rank).ThenBy(v => v, StringComparer.Ordinal);

    private static (int Stability, int Major, int Minor) Rank(string version)
    {
        var match = KubeVersion().Match(version);
        if (!match.Success)
        {
            return (0, 0, 0);
        }

        var stability = match.Groups[2].Value switch { "" => 3, "beta" => 2, _ => 1 };
        var minor = match.Groups[3].Success && match.Groups[3].Value.Length > 0 ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stability, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]*))?$")]
    private static partial Regex KubeVersion();
}

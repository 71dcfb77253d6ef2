using Addons.Karc.NodePools;

namespace Addons.Karc.Freezes;

/// <summary>
/// The annotation on a NodePool that lists the ConsolidationFreezes holding its pause. The
/// controller only removes a pause it recorded here, so a manual <c>karc pause</c> survives a freeze.
/// </summary>
internal static class FreezeOwnership
{
    /// <summary>Comma-separated, sorted names of the freezes holding the NodePool paused.</summary>
    public const string Annotation = "karc.io/paused-by";

    /// <summary>The freezes recorded as holding <paramref name="pool"/>.</summary>
    public static IReadOnlyList<string> Holders(NodePool pool) =>
        pool.Metadata.Annotations is { } a && a.TryGetValue(Annotation, out var value)
            ? Parse(value)
            : [];

    /// <summary>Parses the annotation value.</summary>
    public static IReadOnlyList<string> Parse(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();

    /// <summary>Formats holders as the annotation value, or null when there are none (annotation removed).</summary>
    public static string? Format(IEnumerable<string> holders)
    {
        var list = holders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }
}

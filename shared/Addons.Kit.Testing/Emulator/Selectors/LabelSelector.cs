using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Selectors;

/// <summary>
/// The label selector string syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c> (exists), <c>!a</c> (not exists); requirements are ANDed.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<JsonObject?, bool>> _requirements;

    private LabelSelector(List<Func<JsonObject?, bool>> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(JsonObject? labels) => _requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<JsonObject?, bool>>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim()));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Splits on commas that are not inside a parenthesised value set.</summary>
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }

        terms.Add(text[start..]);
        return terms.Where(t => t.Trim().Length > 0).ToList();
    }

    private static Func<JsonObject?, bool> ParseTerm(string term)
    {
        if (term.StartsWith('!') && !term.Contains('=', StringComparison.Ordinal))
        {
            var key = term[1..].Trim();
            return labels => Value(labels, key) is null;
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at].Trim();
                var want = term[(at + op.Length)..].Trim();
                return negate ? labels => Value(labels, key) != want : labels => Value(labels, key) == want;
            }
        }

        var space = term.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var key = term[..space].Trim();
            var rest = term[space..].Trim();
            var notIn = rest.StartsWith("notin", StringComparison.Ordinal);
            if (!notIn && !rest.StartsWith("in", StringComparison.Ordinal))
            {
                throw ApiError.BadRequest($"unable to parse requirement: {term}");
            }

            var open = rest.IndexOf('(', StringComparison.Ordinal);
            var close = rest.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                throw ApiError.BadRequest($"unable to parse requirement: {term}");
            }

            var values = rest[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            return notIn
                ? labels => Value(labels, key) is not { } v || !values.Contains(v)
                : labels => Value(labels, key) is { } v && values.Contains(v);
        }

        return labels => Value(labels, term) is not null;
    }

    private static string? Value(JsonObject? labels, string key) =>
        labels?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}

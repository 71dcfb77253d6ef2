using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Selectors;

/// <summary>
/// Field selectors (<c>f=v</c>, <c>f==v</c>, <c>f!=v</c>, comma-ANDed) over dotted paths such as
/// <c>metadata.name</c>, <c>metadata.namespace</c>, <c>spec.nodeName</c>, <c>type</c>, <c>status.phase</c>.
/// The real server allows only a per-kind list of fields; this one evaluates any path, and a missing
/// field compares as the empty string (so <c>spec.nodeName=</c> finds unscheduled pods, as it does for real).
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string Path, string Value, bool Negate)> _terms;

    private FieldSelector(List<(string, string, bool)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, string, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
            {
                throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            terms.Add((parts[0].Trim(), parts[1].Trim(), negate));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) =>
        _terms.All(t => (Value(obj, t.Path) == t.Value) != t.Negate);

    private static string Value(JsonObject obj, string path)
    {
        var node = JsonPathLite.Evaluate(obj, "." + path);
        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => node.ToJsonString(),
        };
    }
}

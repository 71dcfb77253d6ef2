using System.Text;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Json;

/// <summary>
/// The subset of Kubernetes JSONPath that CRD printer columns use in practice: <c>.a.b</c>, <c>[n]</c>,
/// <c>[*]</c> and <c>[?(@.field=="value")]</c>, with <c>\.</c> escaping dots inside keys.
/// Returns the first match (a printer column shows one value), or null.
/// </summary>
internal static class JsonPathLite
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        path = path.Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1];
        }

        var current = new List<JsonNode?> { root };
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length && current.Count > 0)
        {
            if (path[i] == '.')
            {
                i++;
                var key = ReadKey(path, ref i);
                current = current.Select(n => (n as JsonObject)?[key]).Where(n => n is not null).ToList();
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                var inner = path[(i + 1)..end];
                i = end + 1;
                current = Index(current, inner);
            }
            else
            {
                var key = ReadKey(path, ref i);
                current = current.Select(n => (n as JsonObject)?[key]).Where(n => n is not null).ToList();
            }
        }

        return current.Count > 0 ? current[0] : null;
    }

    private static string ReadKey(string path, ref int i)
    {
        var sb = new StringBuilder();
        while (i < path.Length && path[i] != '.' && path[i] != '[')
        {
            if (path[i] == '\\' && i + 1 < path.Length)
            {
                i++;
            }

            sb.Append(path[i]);
            i++;
        }

        return sb.ToString();
    }

    private static List<JsonNode?> Index(List<JsonNode?> nodes, string inner)
    {
        var items = nodes.OfType<JsonArray>().SelectMany(a => a).ToList();
        if (inner == "*")
        {
            return items;
        }

        if (int.TryParse(inner, out var index))
        {
            return nodes.OfType<JsonArray>().Select(a => index >= 0 && index < a.Count ? a[index] : index < 0 && -index <= a.Count ? a[a.Count + index] : null)
                .Where(n => n is not null).ToList();
        }

        // Filter: ?(@.field=="value") or ?(@.field!="value")
        if (inner.StartsWith("?(@.", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var expr = inner[4..^1];
            var negate = expr.Contains("!=", StringComparison.Ordinal);
            var parts = expr.Split(negate ? "!=" : "==", 2);
            if (parts.Length != 2)
            {
                return [];
            }

            var field = parts[0].Trim();
            var want = parts[1].Trim().Trim('"', '\'');
            return items.Where(n => (Evaluate(n, "." + field)?.ToString() == want) != negate).ToList();
        }

        return [];
    }
}

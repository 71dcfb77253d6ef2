using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Schemas;

/// <summary>JSON values as the OpenAPI validator sees them: type names, numbers, Go-style value printing.</summary>
internal static class SchemaValue
{
    public static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    public static bool IsInteger(JsonValue v)
    {
        if (v.TryGetValue(out long _) || v.TryGetValue(out int _))
        {
            return true;
        }

        return Number(v) is { } d && Math.Abs(d - Math.Round(d)) < double.Epsilon && Math.Abs(d) < 9.2e18;
    }

    public static double? Number(JsonNode? node) => node is not JsonValue v ? null
        : v.TryGetValue(out double d) ? d : v.TryGetValue(out long l) ? l : v.TryGetValue(out int i) ? i : v.TryGetValue(out decimal m) ? (double)m : null;

    public static bool Matches(string schemaType, string actual) =>
        schemaType == actual || (schemaType == "number" && actual == "integer");

    /// <summary>A value as the Go validation errors print it: strings quoted, numbers and booleans bare, others as JSON.</summary>
    public static string Print(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v) is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Go's %q for the common cases: backslash, quote and control characters escaped.</summary>
    public static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when c < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;

    /// <summary>True when the field at <paramref name="path"/> ("spec.items[0].name") is the same (or absent) in both objects.</summary>
    public static bool Unchanged(JsonObject old, JsonObject next, string path)
    {
        var (a, hasA) = At(old, path);
        var (b, hasB) = At(next, path);
        return hasA == hasB && JsonNode.DeepEquals(a, b);
    }

    private static (JsonNode? Node, bool Found) At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            }

            if (node is not JsonObject o || !o.TryGetPropertyValue(name, out node))
            {
                return (null, false);
            }

            if (index >= 0)
            {
                if (node is not JsonArray a || index >= a.Count)
                {
                    return (null, false);
                }

                node = a[index];
            }
        }

        return (node, true);
    }
}

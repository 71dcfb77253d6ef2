using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Karc.NodePools;

namespace Addons.Karc.Status;

/// <summary>
/// Writes a JSON tree as block-style YAML. Hand-written because YamlDotNet's serializer relies on
/// reflection (not NativeAOT-safe) and status output only needs maps, lists and scalars.
/// </summary>
internal static class YamlText
{
    public static string Write(JsonNode? node)
    {
        var output = new StringBuilder();
        WriteNode(output, node, 0, inList: false);
        return output.ToString();
    }

    private static void WriteNode(StringBuilder output, JsonNode? node, int indent, bool inList)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    // The first key of a list item sits on the "- " line.
                    if (!(inList && first))
                    {
                        output.Append(' ', indent);
                    }

                    first = false;
                    output.Append(Scalar(key)).Append(':');
                    WriteChild(output, value, indent + 2);
                }

                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    output.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        if (item is JsonArray)
                        {
                            output.Append('\n');
                            WriteNode(output, item, indent + 2, inList: false);
                        }
                        else
                        {
                            WriteNode(output, item, indent + 2, inList: true);
                        }
                    }
                    else
                    {
                        output.Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                output.Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder output, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 })
        {
            output.Append('\n');
            WriteNode(output, value, indent, inList: false);
        }
        else if (value is JsonArray { Count: > 0 })
        {
            output.Append('\n');
            WriteNode(output, value, indent - 2, inList: false);
        }
        else
        {
            output.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Scalar(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => node.ToJsonString(),
    };

    private static string Scalar(string s)
    {
        var plain = s.Length > 0 &&
            !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]) &&
            s.IndexOfAny([':', '#', '\'', '"', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '\n', '\\']) < 0 &&
            s[0] is not ('-' or '?' or '%' or '@' or '`') &&
            !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) &&
            s is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~" or "True" or "False" or "Null" or "NULL" or "Yes" or "No");
        return plain ? s : JsonSerializer.Serialize(s, KarcJsonContext.Default.String);
    }
}

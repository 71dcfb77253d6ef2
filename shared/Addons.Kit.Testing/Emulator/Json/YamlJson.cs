using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Addons.Kit.Testing.Emulator.Json;

/// <summary>
/// YAML (one or many documents) to JSON nodes, resolving plain scalars with the YAML 1.2 core schema
/// (null, bool, int, float) as sigs.k8s.io/yaml does for the common cases; quoted scalars stay strings.
/// </summary>
internal static class YamlJson
{
    public static List<JsonObject> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException("invalid YAML: " + e.Message, e);
        }

        return stream.Documents.Select(d => Convert(d.RootNode)).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
    }

    /// <summary>Parses a body that is JSON or YAML (apply patches may be either).</summary>
    public static JsonNode? ParseOne(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return JsonNode.Parse(text);
        }

        return ParseDocuments(text).FirstOrDefault();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }
}

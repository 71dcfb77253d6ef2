using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Addons.Kit.Testing.Emulator.Schemas;

/// <summary>
/// Validates a custom resource against its CRD version's <c>openAPIV3Schema</c>, producing the same field
/// errors the real API server returns (reason, field path, message): type, required, enum, pattern,
/// min/max (exclusive too), multipleOf, min/maxLength, min/maxItems, min/maxProperties, nullable,
/// <c>x-kubernetes-int-or-string</c>, <c>x-kubernetes-preserve-unknown-fields</c>, nested objects, arrays
/// and maps (<c>additionalProperties</c>), <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> on value constraints.
/// <para><b>Caveats:</b> no CEL (<c>x-kubernetes-validations</c>), no <c>format</c> checks, no list-type
/// uniqueness, no ratcheting (an unchanged invalid field fails too). Root metadata/apiVersion/kind are not checked.</para>
/// </summary>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public static List<FieldCause> Validate(JsonObject schema, JsonObject obj)
    {
        var causes = new List<FieldCause>();
        ValidateObject(obj, schema, "", causes, root: true);
        return causes;
    }

    private static void ValidateNode(JsonNode? node, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (node is null)
        {
            if (!SchemaValue.Flag(schema["nullable"]) && schema["type"] is not null)
            {
                TypeError(path, schema["type"]!.ToString(), node, causes);
            }

            return;
        }

        var actual = SchemaValue.TypeOf(node);
        if (SchemaValue.Flag(schema["x-kubernetes-int-or-string"]))
        {
            if (actual is not ("integer" or "string"))
            {
                TypeError(path, "integer,string", node, causes);
                return;
            }
        }
        else if (schema["type"]?.ToString() is { Length: > 0 } type && !SchemaValue.Matches(type, actual))
        {
            TypeError(path, type, node, causes);
            return;
        }

        var before = causes.Count;
        ValueConstraints(node, actual, schema, path, causes);
        if (causes.Count > before)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                ValidateObject(o, schema, path, causes, root: false);
                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    ValidateNode(a[i], items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", causes);
                }

                break;
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldCause> causes, bool root)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.ToString() ?? ""))
        {
            if (!obj.ContainsKey(required) && !(root && required is "metadata" or "apiVersion" or "kind"))
            {
                causes.Add(new FieldCause("FieldValueRequired", Child(path, required), "Required value"));
            }
        }

        foreach (var (key, value) in obj.ToList())
        {
            if (root && key is "metadata" or "apiVersion" or "kind")
            {
                continue;
            }

            if (properties?[key] is JsonObject property)
            {
                ValidateNode(value, property, Child(path, key), causes);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                ValidateNode(value, additional, Child(path, key), causes);
            }
        }
    }

    private static void ValueConstraints(JsonNode node, string actual, JsonObject schema, string path, List<FieldCause> causes)
    {
        var name = path.Length == 0 ? "body" : path;
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            causes.Add(new FieldCause("FieldValueNotSupported", path,
                $"Unsupported value: {SchemaValue.Print(node)}: supported values: {string.Join(", ", allowed.Select(SchemaValue.Print))}"));
            return;
        }

        if (actual == "string")
        {
            var text = node.GetValue<string>();
            if (schema["pattern"]?.ToString() is { } pattern && Compile(pattern) is { } regex && !regex.IsMatch(text))
            {
                Invalid(node, $"{name} in body should match '{pattern}'");
            }

            if (Int(schema["minLength"]) is { } minLength && text.Length < minLength)
            {
                Invalid(node, $"{name} in body should be at least {minLength} chars long");
            }

            if (Int(schema["maxLength"]) is { } maxLength && text.Length > maxLength)
            {
                causes.Add(new FieldCause("FieldValueTooLong", path, $"Too long: may not be more than {maxLength} bytes"));
            }
        }
        else if (actual is "integer" or "number" && SchemaValue.Number(node) is { } number)
        {
            if (SchemaValue.Number(schema["minimum"]) is { } min)
            {
                var exclusive = SchemaValue.Flag(schema["exclusiveMinimum"]);
                if (exclusive ? number <= min : number < min)
                {
                    Invalid(node, $"{name} in body should be greater than {(exclusive ? "" : "or equal to ")}{Format(min)}");
                }
            }

            if (SchemaValue.Number(schema["maximum"]) is { } max)
            {
                var exclusive = SchemaValue.Flag(schema["exclusiveMaximum"]);
                if (exclusive ? number >= max : number > max)
                {
                    Invalid(node, $"{name} in body should be less than {(exclusive ? "" : "or equal to ")}{Format(max)}");
                }
            }

            if (SchemaValue.Number(schema["multipleOf"]) is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(number, factor)) > 1e-9)
            {
                Invalid(node, $"{name} in body should be a multiple of {Format(factor)}");
            }
        }
        else if (node is JsonArray array)
        {
            if (Int(schema["minItems"]) is { } minItems && array.Count < minItems)
            {
                Invalid(array.Count, $"{name} in body should have at least {minItems} items");
            }

            if (Int(schema["maxItems"]) is { } maxItems && array.Count > maxItems)
            {
                causes.Add(new FieldCause("FieldValueTooMany", path, $"Too many: {array.Count}: must have at most {maxItems} items"));
            }
        }
        else if (node is JsonObject obj)
        {
            if (Int(schema["minProperties"]) is { } minProps && obj.Count < minProps)
            {
                Invalid(obj.Count, $"{name} in body should have at least {minProps} properties");
            }

            if (Int(schema["maxProperties"]) is { } maxProps && obj.Count > maxProps)
            {
                Invalid(obj.Count, $"{name} in body should have at most {maxProps} properties");
            }
        }

        Combinators(node, schema, path, name, causes);

        void Invalid(JsonNode? value, string message) =>
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {SchemaValue.Print(value)}: {message}"));
    }

    private static void Combinators(JsonNode node, JsonObject schema, string path, string name, List<FieldCause> causes)
    {
        foreach (var sub in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            ValidateNode(node, sub, path, causes);
        }

        if (schema["anyOf"] is JsonArray anyOf && anyOf.Count > 0 && !anyOf.OfType<JsonObject>().Any(s => Passes(node, s, path)))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {SchemaValue.Print(node)}: {name} in body must be of type {SchemaValue.TypeOf(node)}"));
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count > 0 && oneOf.OfType<JsonObject>().Count(s => Passes(node, s, path)) != 1)
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {SchemaValue.Print(node)}: {name} in body must validate one and only one schema (oneOf)"));
        }

        if (schema["not"] is JsonObject not && Passes(node, not, path))
        {
            causes.Add(new FieldCause("FieldValueInvalid", path, $"Invalid value: {SchemaValue.Print(node)}: {name} in body should not validate the schema"));
        }
    }

    private static bool Passes(JsonNode node, JsonObject schema, string path)
    {
        var trial = new List<FieldCause>();
        ValidateNode(node, schema, path, trial);
        return trial.Count == 0;
    }

    private static void TypeError(string path, string type, JsonNode? node, List<FieldCause> causes)
    {
        var actual = SchemaValue.TypeOf(node);
        var name = path.Length == 0 ? "body" : path;
        causes.Add(new FieldCause("FieldValueTypeInvalid", path, $"Invalid value: \"{actual}\": {name} in body must be of type {type}: \"{actual}\""));
    }

    private static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static int? Int(JsonNode? node) => SchemaValue.Number(node) is { } d ? (int)d : null;

    private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Go RE2 patterns as .NET regexes (the common subset is the same); an unparsable pattern checks nothing.</summary>
    private static Regex? Compile(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });
}

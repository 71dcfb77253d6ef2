using System.Globalization;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Schemas;

/// <summary>
/// What the real server does to a custom resource with a structural schema before validating it:
/// pruning of fields the schema does not declare (unless <c>x-kubernetes-preserve-unknown-fields</c>)
/// and defaulting (<c>default</c> on missing properties, and on nulls that are not nullable).
/// Root apiVersion/kind/metadata are kept as they are.
/// </summary>
internal static class StructuralSchema
{
    /// <summary>Removes undeclared fields except those in <paramref name="keep"/>; returns the removed paths ("spec.foo") in the order found.</summary>
    public static List<string> Prune(JsonObject schema, JsonObject obj, IReadOnlySet<string>? keep = null)
    {
        var pruned = new List<string>();
        PruneObject(obj, schema, "", pruned, root: true, keep);
        return pruned;
    }

    /// <summary>The paths <see cref="Prune"/> would remove, leaving the object untouched.</summary>
    public static List<string> Unknown(JsonObject schema, JsonObject obj) => Prune(schema, (JsonObject)obj.DeepClone());

    public static void Default(JsonObject schema, JsonObject obj) => DefaultNode(obj, schema);

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> pruned, IReadOnlySet<string>? keep)
    {
        switch (node)
        {
            case JsonObject o:
                PruneObject(o, schema, path, pruned, root: false, keep);
                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    PruneNode(a[i], items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", pruned, keep);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> pruned, bool root, IReadOnlySet<string>? keep)
    {
        var preserve = SchemaValue.Flag(schema["x-kubernetes-preserve-unknown-fields"]);
        var embedded = SchemaValue.Flag(schema["x-kubernetes-embedded-resource"]);
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        foreach (var (key, value) in obj.ToList())
        {
            var childPath = path.Length == 0 ? key : path + "." + key;
            if ((root || embedded) && key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (properties?[key] is JsonObject property)
            {
                if (value is null && !SchemaValue.Flag(property["nullable"]))
                {
                    // The real server drops nulls of non-nullable fields before defaulting, silently.
                    obj.Remove(key);
                    continue;
                }

                PruneNode(value, property, childPath, pruned, keep);
            }
            else if (additional is JsonObject additionalSchema)
            {
                PruneNode(value, additionalSchema, childPath, pruned, keep);
            }
            else if (!preserve && !SchemaValue.Flag(additional) && keep?.Contains(WithoutIndexes(childPath)) != true)
            {
                obj.Remove(key);
                pruned.Add(childPath);
            }
        }
    }

    /// <summary>"spec.items[2].x" → "spec.items[].x": an unknown field kept by a list item stays kept when the item moves.</summary>
    public static string WithoutIndexes(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");

    private static void DefaultNode(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (key, property) in properties)
                    {
                        if (property is not JsonObject propertySchema)
                        {
                            continue;
                        }

                        var missing = !obj.TryGetPropertyValue(key, out var value) || (value is null && !SchemaValue.Flag(propertySchema["nullable"]));
                        if (missing && propertySchema["default"] is { } defaultValue)
                        {
                            obj[key] = defaultValue.DeepClone();
                        }

                        if (obj[key] is { } child)
                        {
                            DefaultNode(child, propertySchema);
                        }
                    }
                }

                if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var (_, value) in obj.ToList())
                    {
                        DefaultNode(value, additional);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var item in array)
                {
                    DefaultNode(item, items);
                }

                break;
        }
    }
}

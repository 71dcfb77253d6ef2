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
    /// <summary>Removes undeclared fields; returns their paths ("spec.foo") in the order found.</summary>
    public static List<string> Prune(JsonObject schema, JsonObject obj)
    {
        var pruned = new List<string>();
        PruneObject(obj, schema, "", pruned, root: true);
        return pruned;
    }

    /// <summary>The paths <see cref="Prune"/> would remove, leaving the object untouched.</summary>
    public static List<string> Unknown(JsonObject schema, JsonObject obj) => Prune(schema, (JsonObject)obj.DeepClone());

    public static void Default(JsonObject schema, JsonObject obj) => DefaultNode(obj, schema);

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> pruned)
    {
        switch (node)
        {
            case JsonObject o:
                PruneObject(o, schema, path, pruned, root: false);
                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    PruneNode(a[i], items, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", pruned);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> pruned, bool root)
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
                PruneNode(value, property, childPath, pruned);
            }
            else if (additional is JsonObject additionalSchema)
            {
                PruneNode(value, additionalSchema, childPath, pruned);
            }
            else if (!preserve && !SchemaValue.Flag(additional))
            {
                obj.Remove(key);
                pruned.Add(childPath);
            }
        }
    }

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

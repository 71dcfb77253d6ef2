using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        JsonNode root = target;
        foreach (var op in operations.OfType<JsonObject>())
        {
            var name = op["op"]?.ToString();
            var path = op["path"]?.ToString() ?? throw Bad("missing path");
            switch (name)
            {
                case "add":
                    Add(ref root, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    _ = Resolve(root, path) ?? throw Bad($"replace operation does not apply: doc is missing path: {path}");
                    Remove(root, path);
                    Add(ref root, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    {
                        var from = op["from"]?.ToString() ?? throw Bad("missing from");
                        var value = Resolve(root, from)?.DeepClone();
                        Remove(root, from);
                        Add(ref root, path, value);
                        break;
                    }

                case "copy":
                    Add(ref root, path, Resolve(root, op["from"]?.ToString() ?? throw Bad("missing from"))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(root, path), op["value"]))
                    {
                        throw new ApiError(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed");
                    }

                    break;
                default:
                    throw Bad($"Unexpected kind: {name}");
            }
        }

        return root as JsonObject ?? throw Bad("patch replaced the whole object with a non-object");
    }

    private static ApiError Bad(string message) => new(422, "Invalid", "the server rejected our request due to an error in our request: " + message);

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw Bad($"invalid pointer: {pointer}");
        }

        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Resolve(JsonNode? node, string pointer)
    {
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void Add(ref JsonNode root, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            root = value ?? throw Bad("cannot replace the document with null");
            return;
        }

        var parent = Parent(root, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Bad($"add operation does not apply: doc is missing path: {pointer}");
        }
    }

    private static void Remove(JsonNode root, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            throw Bad("cannot remove the whole document");
        }

        var parent = Parent(root, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw Bad($"remove operation does not apply: doc is missing path: {pointer}");
        }
    }

    private static JsonNode? Parent(JsonNode root, List<string> tokens) =>
        tokens.Count == 1 ? root : Resolve(root, "/" + string.Join('/', tokens.Take(tokens.Count - 1).Select(Escape)));

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Patching;

/// <summary>
/// Strategic merge patch as kubectl sends it: maps merge, null deletes, lists with a merge key merge
/// item by item, other lists replace; directives <c>$patch</c> (replace/delete/merge), <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/…</c> and <c>$setElementOrder/…</c> (order hints, ignored).
/// Also the merge step of server-side apply (with <c>builtIn</c> false for custom resources).
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";

    /// <summary>Merges <paramref name="patch"/> into <paramref name="target"/> in place; null means "delete this map".</summary>
    public static JsonObject? Merge(JsonObject target, JsonObject patch, bool builtIn)
    {
        switch (patch[Directive]?.ToString())
        {
            case "replace":
                return (JsonObject)Strip(patch.DeepClone());
            case "delete":
                return null;
        }

        foreach (var (key, value) in patch.ToList())
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (target[field] is JsonArray list && value is JsonArray remove)
                {
                    foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(i, r))).ToList())
                    {
                        list.Remove(item);
                    }
                }

                continue;
            }

            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            var existing = target[key];
            JsonNode? merged = (value, existing) switch
            {
                (JsonObject v, JsonObject e) => Merge(e, v, builtIn),
                (JsonArray v, _) => MergeList(key, existing as JsonArray, v, builtIn),
                (JsonObject v, _) when v[Directive]?.ToString() == "delete" => null,
                _ => Strip(value.DeepClone()),
            };
            if (merged is null)
            {
                target.Remove(key);
            }
            else if (!ReferenceEquals(merged, existing))
            {
                target[key] = merged;
            }
        }

        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(kv => kv.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(string field, JsonArray? live, JsonArray patch, bool builtIn)
    {
        if (MergeKeys.IsMergedPrimitiveList(field))
        {
            var union = live ?? [];
            foreach (var item in patch.Where(p => !union.Any(l => JsonNode.DeepEquals(l, p))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        var mergeKey = MergeKeys.For(field, builtIn, patch, live);
        if (mergeKey is null)
        {
            return (JsonArray)Strip(patch.DeepClone());
        }

        if (patch.OfType<JsonObject>().FirstOrDefault(i => i[Directive]?.ToString() == "replace") is { } replaceMarker)
        {
            return (JsonArray)Strip(new JsonArray(patch.Where(i => !ReferenceEquals(i, replaceMarker)).Select(i => i?.DeepClone()).ToArray()));
        }

        var result = live ?? [];
        foreach (var item in patch.OfType<JsonObject>())
        {
            var keyValue = item[mergeKey];
            var match = result.OfType<JsonObject>().FirstOrDefault(r => JsonNode.DeepEquals(r[mergeKey], keyValue));
            if (item[Directive]?.ToString() == "delete")
            {
                if (match is not null)
                {
                    result.Remove(match);
                }
            }
            else if (match is not null)
            {
                Merge(match, item, builtIn);
            }
            else
            {
                result.Add(Strip(item.DeepClone()));
            }
        }

        return result;
    }

    /// <summary>Removes directive keys from a subtree that is copied in whole.</summary>
    private static JsonNode Strip(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).Where(k => k.StartsWith('$')).ToList())
                {
                    o.Remove(key);
                }

                foreach (var child in o.Select(kv => kv.Value).OfType<JsonNode>().ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>())
                {
                    Strip(child);
                }

                break;
        }

        return node;
    }
}

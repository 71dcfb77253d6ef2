using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Patching;

/// <summary>
/// Server-side apply, simplified: the applied configuration merges into the live object (lists with
/// merge keys by key, others replaced, as in strategic merge), and fields this field manager applied
/// last time but no longer lists are removed. No conflicts are detected between managers and
/// managedFields is not maintained; the last applied configuration per manager is kept by the store.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Apply(JsonObject? live, JsonObject applied, JsonObject? previous, bool builtIn)
    {
        var result = live ?? [];
        var merged = StrategicMergePatch.Merge(result, (JsonObject)applied.DeepClone(), builtIn) ?? [];
        if (previous is not null)
        {
            RemoveDropped(merged, previous, applied, builtIn);
        }

        return merged;
    }

    private static void RemoveDropped(JsonObject target, JsonObject previous, JsonObject now, bool builtIn)
    {
        foreach (var (key, before) in previous)
        {
            if (!now.TryGetPropertyValue(key, out var after))
            {
                target.Remove(key);
                continue;
            }

            switch (before, after, target[key])
            {
                case (JsonObject b, JsonObject a, JsonObject t):
                    RemoveDropped(t, b, a, builtIn);
                    break;
                case (JsonArray b, JsonArray a, JsonArray t) when MergeKeys.For(key, builtIn, a, t) is { } mergeKey:
                    foreach (var gone in b.OfType<JsonObject>())
                    {
                        var id = gone[mergeKey];
                        var stillApplied = a.OfType<JsonObject>().FirstOrDefault(i => JsonNode.DeepEquals(i[mergeKey], id));
                        var live = t.OfType<JsonObject>().FirstOrDefault(i => JsonNode.DeepEquals(i[mergeKey], id));
                        if (live is null)
                        {
                            continue;
                        }

                        if (stillApplied is null)
                        {
                            t.Remove(live);
                        }
                        else
                        {
                            RemoveDropped(live, gone, stillApplied, builtIn);
                        }
                    }

                    break;
            }
        }
    }
}

using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Patching;

/// <summary>
/// The <c>patchMergeKey</c>s of the built-in types' common lists, by field name — the strategic-merge
/// metadata a real server reads from the Go struct tags. Custom resources have none (their lists are atomic),
/// except the ObjectMeta lists every object shares.
/// </summary>
internal static class MergeKeys
{
    private static readonly Dictionary<string, string[]> ByField = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        // Container ports merge on containerPort, Service ports on port: pick by what the items carry.
        ["ports"] = ["containerPort", "port"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["imagePullSecrets"] = ["name"],
        ["conditions"] = ["type"],
        ["hostAliases"] = ["ip"],
        ["topologySpreadConstraints"] = ["topologyKey"],
        ["resourceClaims"] = ["name"],
        ["ownerReferences"] = ["uid"],
    };

    private static readonly HashSet<string> ObjectMetaFields = ["ownerReferences"];

    /// <summary>Primitive lists with patchStrategy "merge" (set union instead of replace).</summary>
    private static readonly HashSet<string> MergedPrimitiveLists = ["finalizers"];

    public static bool IsMergedPrimitiveList(string field) => MergedPrimitiveLists.Contains(field);

    public static string? For(string field, bool builtIn, JsonArray? patch, JsonArray? live)
    {
        if ((!builtIn && !ObjectMetaFields.Contains(field)) || !ByField.TryGetValue(field, out var candidates))
        {
            return null;
        }

        var sample = (patch ?? []).Concat(live ?? []).OfType<JsonObject>().ToList();
        return candidates.FirstOrDefault(k => sample.Any(i => i.ContainsKey(k))) ?? candidates[0];
    }
}

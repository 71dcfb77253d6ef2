using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// The legacy (unaggregated) discovery documents: /version, /api, /apis, /apis/&lt;g&gt;, /api/v1 and
/// /apis/&lt;g&gt;/&lt;v&gt;. client-go asks for aggregated discovery first and falls back to these when the
/// response is plain JSON, which is what kubectl 1.35 and helm 4 do.
/// </summary>
internal static class Discovery
{
    public const string KubernetesVersion = "v1.35.0";

    private static readonly JsonArray AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject? Document(string path, KindRegistry registry, string serverAddress)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => Version(),
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
            },
            ["api", var v] => Resources("", v, registry),
            ["apis"] => new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = new JsonArray([.. Groups(registry)]) },
            ["apis", var g] => Groups(registry).FirstOrDefault(x => x["name"]?.ToString() == g) is { } group ? Kinded(group) : null,
            ["apis", var g, var v] => Resources(g, v, registry),
            _ => null,
        };
    }

    private static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "35",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = "emulator",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.25.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    private static JsonObject Kinded(JsonObject group)
    {
        group["kind"] = "APIGroup";
        group["apiVersion"] = "v1";
        return group;
    }

    private static IEnumerable<JsonObject> Groups(KindRegistry registry) =>
        registry.All.Where(k => k.Group.Length > 0).GroupBy(k => k.Group).Select(g =>
        {
            var versions = VersionOrder.Sort(g.Select(k => k.Version)).ToList();
            JsonObject Gv(string v) => new() { ["groupVersion"] = g.Key + "/" + v, ["version"] = v };
            return new JsonObject
            {
                ["name"] = g.Key,
                ["versions"] = new JsonArray([.. versions.Select(Gv)]),
                ["preferredVersion"] = Gv(versions[0]),
            };
        });

    private static JsonObject? Resources(string group, string version, KindRegistry registry)
    {
        var kinds = registry.All.Where(k => k.Group == group && k.Version == version).ToList();
        if (kinds.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var kind in kinds)
        {
            var resource = new JsonObject
            {
                ["name"] = kind.Plural,
                ["singularName"] = kind.Singular,
                ["namespaced"] = kind.Namespaced,
                ["kind"] = kind.Kind,
                ["verbs"] = kind.Virtual ? new JsonArray("create") : AllVerbs.DeepClone(),
            };
            if (kind.ShortNames.Count > 0)
            {
                resource["shortNames"] = new JsonArray([.. kind.ShortNames.Select(s => JsonValue.Create(s))]);
            }

            if (kind.Categories.Count > 0)
            {
                resource["categories"] = new JsonArray([.. kind.Categories.Select(s => JsonValue.Create(s))]);
            }

            resources.Add(resource);
            if (kind.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = kind.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = kind.Namespaced,
                    ["kind"] = kind.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : group + "/" + version,
            ["resources"] = resources,
        };
    }
}

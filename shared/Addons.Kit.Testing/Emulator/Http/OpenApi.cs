using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>
/// Just enough OpenAPI v3 for kubectl and helm: each group-version document lists, per kind, a PATCH
/// operation tagged with <c>x-kubernetes-group-version-kind</c> that accepts <c>fieldValidation</c>.
/// That tells kubectl the server validates fields itself, so <c>kubectl apply</c> (default
/// <c>--validate=strict</c>) sends <c>fieldValidation=Strict</c> instead of needing full schemas.
/// Schemas are open objects: the emulator does not validate fields (documented in the README).
/// </summary>
internal static class OpenApi
{
    public static JsonObject? Document(string path, KindRegistry registry)
    {
        var trimmed = path.Trim('/');
        if (trimmed == "openapi/v3")
        {
            var paths = new JsonObject();
            foreach (var gv in registry.All.Select(GroupVersionPath).Distinct())
            {
                paths[gv] = new JsonObject { ["serverRelativeURL"] = "/openapi/v3/" + gv };
            }

            return new JsonObject { ["paths"] = paths };
        }

        if (!trimmed.StartsWith("openapi/v3/", StringComparison.Ordinal))
        {
            return null;
        }

        var wanted = trimmed["openapi/v3/".Length..];
        var kinds = registry.All.Where(k => GroupVersionPath(k) == wanted).ToList();
        return kinds.Count == 0 ? null : GroupVersion(kinds);
    }

    private static string GroupVersionPath(ResourceKind kind) => kind.Group.Length == 0 ? "api/" + kind.Version : "apis/" + kind.Group + "/" + kind.Version;

    private static JsonObject GroupVersion(List<ResourceKind> kinds)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var kind in kinds)
        {
            var gvk = new JsonObject { ["group"] = kind.Group, ["version"] = kind.Version, ["kind"] = kind.Kind };
            var prefix = "/" + GroupVersionPath(kind) + (kind.Namespaced ? "/namespaces/{namespace}/" : "/") + kind.Plural;
            var schemaName = SchemaName(kind);
            var reference = new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName };
            paths[prefix + "/{name}"] = new JsonObject
            {
                ["get"] = Operation("read" + kind.Kind, gvk, reference, "get"),
                ["put"] = Operation("replace" + kind.Kind, gvk, reference, "put"),
                ["patch"] = Operation("patch" + kind.Kind, gvk, reference, "patch"),
                ["delete"] = Operation("delete" + kind.Kind, gvk, reference, "delete"),
            };
            paths[prefix] = new JsonObject
            {
                ["post"] = Operation("create" + kind.Kind, gvk, reference, "post"),
                ["get"] = Operation("list" + kind.Kind, gvk, reference, "list"),
            };
            schemas[schemaName] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = kind.Kind + " (schema not modelled by the emulator)",
                ["x-kubernetes-group-version-kind"] = new JsonArray(gvk.DeepClone()),
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = Discovery.KubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static string SchemaName(ResourceKind kind) =>
        (kind.Group.Length == 0 ? "io.k8s.api.core." : string.Join('.', kind.Group.Split('.').Reverse()) + ".") + kind.Version + "." + kind.Kind;

    private static JsonObject Operation(string id, JsonObject gvk, JsonObject reference, string action)
    {
        var parameters = new JsonArray(
            Query("dryRun"), Query("fieldManager"));
        if (action is "patch" or "put" or "post")
        {
            parameters.Add(Query("fieldValidation"));
        }

        if (action == "patch")
        {
            parameters.Add(Query("force"));
        }

        return new JsonObject
        {
            ["operationId"] = id,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = reference.DeepClone() } },
                },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
    }

    private static JsonObject Query(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}

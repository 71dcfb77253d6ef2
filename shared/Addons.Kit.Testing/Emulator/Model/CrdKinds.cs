using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>Reads a CustomResourceDefinition (apiextensions.k8s.io/v1) into the kinds it serves.</summary>
internal static class CrdKinds
{
    public static IReadOnlyList<ResourceKind> From(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = spec?["group"]?.ToString();
        var plural = names?["plural"]?.ToString();
        var kind = names?["kind"]?.ToString();
        if (spec is null || names is null || group is null || plural is null || kind is null)
        {
            return [];
        }

        var singular = names["singular"]?.ToString() ?? kind.ToLowerInvariant();
        var namespaced = spec["scope"]?.ToString() != "Cluster";
        var shortNames = (names["shortNames"] as JsonArray)?.Select(n => n!.ToString()).ToList() ?? [];
        var categories = (names["categories"] as JsonArray)?.Select(n => n!.ToString()).ToList() ?? [];
        var result = new List<ResourceKind>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue(out bool isServed) && !isServed)
            {
                continue;
            }

            var hasStatus = version["subresources"]?["status"] is not null;
            var columns = Columns(version["additionalPrinterColumns"] as JsonArray);
            result.Add(new ResourceKind(group, version["name"]!.ToString(), plural, singular, kind, namespaced, shortNames, hasStatus, columns, BuiltIn: false)
            {
                Categories = categories,
                Schema = version["schema"]?["openAPIV3Schema"] is JsonObject schema ? (JsonObject)schema.DeepClone() : null,
            });
        }

        return result;
    }

    private static List<PrinterColumn> Columns(JsonArray? defined)
    {
        var age = PrinterColumn.Path("Age", ".metadata.creationTimestamp", "date");
        if (defined is null)
        {
            return [age];
        }

        // A CRD that declares columns gets exactly those after Name, as the real server does
        // (the author lists Age if they want it).
        return defined.OfType<JsonObject>().Select(c => PrinterColumn.Path(
            c["name"]?.ToString() ?? "", c["jsonPath"]?.ToString() ?? "", c["type"]?.ToString() ?? "string",
            c["priority"] is JsonValue p && p.TryGetValue(out int priority) ? priority : 0)).ToList();
    }
}

using System.Text.Json;
using Addons.Kit.Kubernetes.Client;

namespace Addons.Kit.Kubernetes.Discovery;

/// <summary>Reads discovery documents with <see cref="JsonDocument"/> (no model types: nothing to source-generate).</summary>
internal static class DiscoveryDocuments
{
    /// <summary>An <c>APIResourceList</c>: plural → resource type; subresources (<c>x/status</c>) skipped.</summary>
    public static IReadOnlyDictionary<string, ResourceType> Resources(byte[] body, string group, string version)
    {
        using var document = JsonDocument.Parse(body);
        var result = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            var name = resource.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var kind = resource.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
            var namespaced = resource.TryGetProperty("namespaced", out var ns) && ns.ValueKind == JsonValueKind.True;
            result[name] = new ResourceType(group, version, name, kind, namespaced);
        }

        return result;
    }

    /// <summary>An <c>APIGroupList</c>: group → preferred version.</summary>
    public static IReadOnlyDictionary<string, string> PreferredVersions(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var group in groups.EnumerateArray())
        {
            var name = group.TryGetProperty("name", out var n) ? n.GetString() : null;
            var preferred = group.TryGetProperty("preferredVersion", out var p) && p.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (preferred is null && group.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array)
            {
                preferred = versions.EnumerateArray().Select(e => e.TryGetProperty("version", out var x) ? x.GetString() : null).FirstOrDefault(x => x is not null);
            }

            if (!string.IsNullOrEmpty(name) && preferred is not null)
            {
                result[name] = preferred;
            }
        }

        return result;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Aws;

/// <summary>
/// The EKS operations over the emulator's model. Every call first settles updates whose time has come
/// (InProgress → Successful/Failed/Cancelled, applying a successful update's effect), so progress follows
/// the emulator's clock with no background thread.
/// </summary>
internal sealed class EksService(AwsEmulator emulator, AwsEmulatorOptions options)
{
    private readonly Lock _lock = new();

    public JsonObject Handle(string operation, string[] args, IQueryCollection query, JsonObject? body)
    {
        lock (_lock)
        {
            Settle();
            return operation switch
            {
                "ListClusters" => List("clusters", emulator.Clusters.Keys.Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToList(), query),
                "DescribeCluster" => new JsonObject { ["cluster"] = EksJson.Cluster(Cluster(args[0]), options.Region, options.AccountId) },
                "DescribeClusterVersions" => ClusterVersions(query),
                "UpdateClusterVersion" => UpdateClusterVersion(Cluster(args[0]), body),
                "UpdateClusterConfig" => UpdateClusterConfig(Cluster(args[0]), body),
                "ListUpdates" => ListUpdates(Cluster(args[0]), query),
                "DescribeUpdate" => DescribeUpdate(Cluster(args[0]), args[1], query),
                "ListAddons" => List("addons", Cluster(args[0]).Addons.Keys.Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToList(), query),
                "DescribeAddon" => new JsonObject { ["addon"] = EksJson.Addon(Cluster(args[0]), Addon(Cluster(args[0]), args[1]), options.Region, options.AccountId) },
                "UpdateAddon" => UpdateAddon(Cluster(args[0]), Addon(Cluster(args[0]), args[1]), body),
                "DescribeAddonVersions" => AddonVersions(query),
                "ListNodegroups" => List("nodegroups", Cluster(args[0]).Nodegroups.Keys.Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToList(), query),
                "DescribeNodegroup" => new JsonObject { ["nodegroup"] = EksJson.Nodegroup(Cluster(args[0]), Nodegroup(Cluster(args[0]), args[1]), options.Region, options.AccountId) },
                "UpdateNodegroupVersion" => UpdateNodegroupVersion(Cluster(args[0]), Nodegroup(Cluster(args[0]), args[1]), body),
                "ListInsights" => ListInsights(Cluster(args[0]), body),
                "DescribeInsight" => new JsonObject
                {
                    ["insight"] = EksJson.Insight(Cluster(args[0]).Insights.FirstOrDefault(i => i.Id == args[1]) ?? throw AwsEmulatorError.NotFound($"No insight found for id: {args[1]}."), Now),
                },
                _ => throw new AwsEmulatorError(404, "NotFoundException", "Unknown operation"),
            };
        }
    }

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private EmulatedCluster Cluster(string name) =>
        emulator.Clusters.TryGetValue(name, out var c) ? c : throw AwsEmulatorError.NotFound($"No cluster found for name: {name}.");

    private static EmulatedAddon Addon(EmulatedCluster c, string name) =>
        c.Addons.TryGetValue(name, out var a) ? a : throw AwsEmulatorError.NotFound($"No addon: {name} found in cluster: {c.Name}");

    private static EmulatedNodegroup Nodegroup(EmulatedCluster c, string name) =>
        c.Nodegroups.TryGetValue(name, out var n) ? n : throw AwsEmulatorError.NotFound($"No node group found for name: {name}.");

    private JsonObject List(string field, List<JsonNode> items, IQueryCollection query)
    {
        var (page, next) = EksPaging.Page(items, query["nextToken"], query["maxResults"], options.PageSize);
        var result = new JsonObject { [field] = new JsonArray(page.ToArray()) };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private JsonObject ClusterVersions(IQueryCollection query)
    {
        var wanted = query["clusterVersions"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var defaultOnly = query["defaultOnly"] == "true";
        var items = emulator.Catalog.ClusterVersions
            .Where(v => wanted.Count == 0 || wanted.Contains(v.Version))
            .Where(v => !defaultOnly || v.DefaultVersion)
            .Select(v => (JsonNode)EksJson.ClusterVersion(v)).ToList();
        return List("clusterVersions", items, query);
    }

    private JsonObject AddonVersions(IQueryCollection query)
    {
        var k8s = query["kubernetesVersion"].ToString();
        var name = query["addonName"].ToString();
        var items = new List<JsonNode>();
        foreach (var (addonName, versions) in emulator.Catalog.Addons.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (name.Length > 0 && name != addonName)
            {
                continue;
            }

            var matching = versions.Where(v => k8s.Length == 0 || v.ClusterVersions.Contains(k8s)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            items.Add(new JsonObject
            {
                ["addonName"] = addonName,
                ["type"] = addonName.Contains("dns", StringComparison.Ordinal) || addonName.Contains("cni", StringComparison.Ordinal) || addonName.Contains("proxy", StringComparison.Ordinal) ? "networking" : "storage",
                ["addonVersions"] = new JsonArray(matching.Select(v => (JsonNode)new JsonObject
                {
                    ["addonVersion"] = v.AddonVersion,
                    ["architecture"] = new JsonArray("amd64", "arm64"),
                    ["compatibilities"] = new JsonArray(v.ClusterVersions.Where(cv => k8s.Length == 0 || cv == k8s).Select(cv => (JsonNode)new JsonObject
                    {
                        ["clusterVersion"] = cv,
                        ["platformVersions"] = new JsonArray("*"),
                        ["defaultVersion"] = v.DefaultFor.Contains(cv),
                    }).ToArray()),
                    ["requiresConfiguration"] = false,
                }).ToArray()),
                ["publisher"] = "eks",
                ["owner"] = "aws",
            });
        }

        return List("addons", items, query);
    }

    private JsonObject UpdateClusterVersion(EmulatedCluster c, JsonObject? body)
    {
        var version = body?["version"]?.GetValue<string>() ?? throw AwsEmulatorError.Invalid("version is required.");
        if (c.Updates.Any(u => u.Status == "InProgress" && u.Type == "VersionUpdate" && u.NodegroupName is null))
        {
            throw new AwsEmulatorError(409, "ResourceInUseException", "Cannot update cluster while an update is in progress.");
        }

        var catalog = emulator.Catalog.ClusterVersions.FirstOrDefault(v => v.Version == version) ?? throw AwsEmulatorError.Invalid($"Unsupported Kubernetes version {version}.");
        if (!IsNextMinor(c.Version, version))
        {
            throw AwsEmulatorError.Invalid($"Unsupported Kubernetes minor version update from {c.Version} to {version}");
        }

        c.Status = "UPDATING";
        return Started(c, "VersionUpdate", [new("Version", version), new("PlatformVersion", catalog.DefaultPlatformVersion)], null, null);
    }

    private JsonObject UpdateClusterConfig(EmulatedCluster c, JsonObject? body)
    {
        if (body?["deletionProtection"] is JsonValue protection)
        {
            c.DeletionProtection = protection.GetValue<bool>();
        }

        var update = NewUpdate("DeletionProtectionUpdate", [new("DeletionProtection", c.DeletionProtection ? "true" : "false")], null, null);
        update.Status = "Successful";
        c.Updates.Add(update);
        return new JsonObject { ["update"] = EksJson.Update(update) };
    }

    private JsonObject UpdateAddon(EmulatedCluster c, EmulatedAddon a, JsonObject? body)
    {
        var version = body?["addonVersion"]?.GetValue<string>() ?? a.Version;
        var info = emulator.Catalog.Addons.GetValueOrDefault(a.Name)?.FirstOrDefault(v => v.AddonVersion == version);
        if (info is null || !info.ClusterVersions.Contains(c.Version))
        {
            throw AwsEmulatorError.Invalid($"Addon version specified is not supported for {a.Name} on Kubernetes {c.Version}: {version}");
        }

        if (c.Updates.Any(u => u.Status == "InProgress" && u.AddonName == a.Name))
        {
            throw new AwsEmulatorError(409, "ResourceInUseException", $"Addon {a.Name} is already being updated.");
        }

        a.Status = "UPDATING";
        var resolve = body?["resolveConflicts"]?.GetValue<string>() ?? "NONE";
        return Started(c, "AddonUpdate", [new("AddonVersion", version), new("ResolveConflicts", resolve)], a.Name, null);
    }

    private JsonObject UpdateNodegroupVersion(EmulatedCluster c, EmulatedNodegroup n, JsonObject? body)
    {
        var version = body?["version"]?.GetValue<string>() ?? c.Version;
        if (CompareMinor(version, c.Version) > 0)
        {
            throw AwsEmulatorError.Invalid($"Requested Kubernetes version {version} is newer than the cluster version {c.Version}.");
        }

        if (c.Updates.Any(u => u.Status == "InProgress" && u.NodegroupName == n.Name))
        {
            throw new AwsEmulatorError(409, "ResourceInUseException", $"Nodegroup {n.Name} is already being updated.");
        }

        var release = body?["releaseVersion"]?.GetValue<string>() ?? version + ".0-20250101";
        n.Status = "UPDATING";
        return Started(c, "VersionUpdate", [new("Version", version), new("ReleaseVersion", release)], null, n.Name);
    }

    private JsonObject ListUpdates(EmulatedCluster c, IQueryCollection query)
    {
        var ng = query["nodegroupName"].ToString();
        var addon = query["addonName"].ToString();
        var ids = c.Updates
            .Where(u => ng.Length > 0 ? u.NodegroupName == ng : addon.Length > 0 ? u.AddonName == addon : u.NodegroupName is null && u.AddonName is null)
            .Select(u => (JsonNode)u.Id).ToList();
        return List("updateIds", ids, query);
    }

    private static JsonObject DescribeUpdate(EmulatedCluster c, string id, IQueryCollection query)
    {
        var ng = query["nodegroupName"].ToString();
        var addon = query["addonName"].ToString();
        var update = c.Updates.FirstOrDefault(u => u.Id == id && (ng.Length == 0 || u.NodegroupName == ng) && (addon.Length == 0 || u.AddonName == addon))
            ?? throw AwsEmulatorError.NotFound($"No update found for ID: {id}.");
        return new JsonObject { ["update"] = EksJson.Update(update) };
    }

    private JsonObject ListInsights(EmulatedCluster c, JsonObject? body)
    {
        var filter = body?["filter"] as JsonObject;
        var categories = Strings(filter?["categories"]);
        var versions = Strings(filter?["kubernetesVersions"]);
        var statuses = Strings(filter?["statuses"]);
        var items = c.Insights
            .Where(i => categories.Count == 0 || categories.Contains(i.Category))
            .Where(i => versions.Count == 0 || versions.Contains(i.KubernetesVersion))
            .Where(i => statuses.Count == 0 || statuses.Contains(i.Status))
            .Select(i => (JsonNode)EksJson.InsightSummary(i, Now)).ToList();
        var (page, next) = EksPaging.Page(items, body?["nextToken"]?.GetValue<string>(), body?["maxResults"]?.ToString(), options.PageSize);
        var result = new JsonObject { ["insights"] = new JsonArray(page.ToArray()) };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private static HashSet<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal) : [];

    private JsonObject Started(EmulatedCluster c, string type, List<KeyValuePair<string, string>> parameters, string? addon, string? nodegroup)
    {
        var update = NewUpdate(type, parameters, addon, nodegroup);
        if (emulator.Faults.TakeNextUpdateOutcome() is { } outcome)
        {
            update.Outcome = outcome.Outcome;
            update.ErrorCode = outcome.Code;
        }

        c.Updates.Add(update);
        return new JsonObject { ["update"] = EksJson.Update(update) };
    }

    private EmulatedUpdate NewUpdate(string type, List<KeyValuePair<string, string>> parameters, string? addon, string? nodegroup) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = type,
        Params = parameters,
        AddonName = addon,
        NodegroupName = nodegroup,
        CreatedAt = Now,
        CompletesAt = Now + options.UpdateDuration,
    };

    /// <summary>Finishes every update whose time has come.</summary>
    public void Settle()
    {
        var now = Now;
        foreach (var c in emulator.Clusters.Values)
        {
            foreach (var u in c.Updates.Where(u => u.Status == "InProgress" && u.CompletesAt <= now))
            {
                u.Status = u.Outcome;
                var ok = u.Outcome == "Successful";
                var p = u.Params.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
                if (u.AddonName is { } addonName && c.Addons.TryGetValue(addonName, out var a))
                {
                    a.Version = ok ? p["AddonVersion"] : a.Version;
                    a.Status = u.Outcome == "Failed" ? "UPDATE_FAILED" : "ACTIVE";
                }
                else if (u.NodegroupName is { } ngName && c.Nodegroups.TryGetValue(ngName, out var n))
                {
                    n.Version = ok ? p["Version"] : n.Version;
                    n.ReleaseVersion = ok ? p["ReleaseVersion"] : n.ReleaseVersion;
                    n.Status = "ACTIVE";
                }
                else if (u.Type == "VersionUpdate")
                {
                    c.Version = ok ? p["Version"] : c.Version;
                    c.PlatformVersion = ok ? p["PlatformVersion"] : c.PlatformVersion;
                    c.Status = "ACTIVE";
                }
            }
        }
    }

    private static bool IsNextMinor(string from, string to) =>
        Parse(from) is { } f && Parse(to) is { } t && t.Major == f.Major && t.Minor == f.Minor + 1;

    private static int CompareMinor(string a, string b) =>
        (Parse(a), Parse(b)) is ({ } x, { } y) ? (x.Major, x.Minor).CompareTo((y.Major, y.Minor)) : throw AwsEmulatorError.Invalid($"Invalid Kubernetes version {a}.");

    private static (int Major, int Minor)? Parse(string version)
    {
        var parts = version.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? (major, minor)
            : null;
    }
}

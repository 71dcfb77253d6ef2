using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Aws;

/// <summary>EKS REST-JSON shapes as the real API (and so the AWS CLI) renders them; timestamps are epoch seconds.</summary>
internal static class EksJson
{
    public static JsonNode Time(DateTimeOffset at) => JsonValue.Create(Math.Round(at.ToUnixTimeMilliseconds() / 1000.0, 3));

    public static JsonObject Cluster(EmulatedCluster c, string region, string account) => new()
    {
        ["name"] = c.Name,
        ["arn"] = $"arn:aws:eks:{region}:{account}:cluster/{c.Name}",
        ["createdAt"] = Time(c.CreatedAt),
        ["version"] = c.Version,
        ["endpoint"] = c.Endpoint,
        ["roleArn"] = $"arn:aws:iam::{account}:role/eks-cluster-role",
        ["resourcesVpcConfig"] = new JsonObject { ["subnetIds"] = new JsonArray(), ["securityGroupIds"] = new JsonArray(), ["endpointPublicAccess"] = true, ["endpointPrivateAccess"] = true },
        ["status"] = c.Status,
        ["certificateAuthority"] = c.CertificateAuthorityData is null ? new JsonObject() : new JsonObject { ["data"] = c.CertificateAuthorityData },
        ["platformVersion"] = c.PlatformVersion,
        ["tags"] = new JsonObject(),
        ["deletionProtection"] = c.DeletionProtection,
    };

    public static JsonObject Update(EmulatedUpdate u) => new()
    {
        ["id"] = u.Id,
        ["status"] = u.Status,
        ["type"] = u.Type,
        ["params"] = new JsonArray(u.Params.Select(p => (JsonNode)new JsonObject { ["type"] = p.Key, ["value"] = p.Value }).ToArray()),
        ["createdAt"] = Time(u.CreatedAt),
        ["errors"] = u.Status == "Failed"
            ? new JsonArray(new JsonObject { ["errorCode"] = u.ErrorCode ?? "Unknown", ["errorMessage"] = "The update failed (injected by the emulator).", ["resourceIds"] = new JsonArray() })
            : new JsonArray(),
    };

    public static JsonObject Addon(EmulatedCluster c, EmulatedAddon a, string region, string account) => new()
    {
        ["addonName"] = a.Name,
        ["clusterName"] = c.Name,
        ["status"] = a.Status,
        ["addonVersion"] = a.Version,
        ["health"] = new JsonObject { ["issues"] = new JsonArray() },
        ["addonArn"] = $"arn:aws:eks:{region}:{account}:addon/{c.Name}/{a.Name}/00000000-0000-0000-0000-000000000000",
        ["createdAt"] = Time(c.CreatedAt),
        ["modifiedAt"] = Time(c.CreatedAt),
        ["tags"] = new JsonObject(),
    };

    public static JsonObject Nodegroup(EmulatedCluster c, EmulatedNodegroup n, string region, string account) => new()
    {
        ["nodegroupName"] = n.Name,
        ["nodegroupArn"] = $"arn:aws:eks:{region}:{account}:nodegroup/{c.Name}/{n.Name}/00000000-0000-0000-0000-000000000000",
        ["clusterName"] = c.Name,
        ["version"] = n.Version,
        ["releaseVersion"] = n.ReleaseVersion,
        ["createdAt"] = Time(c.CreatedAt),
        ["modifiedAt"] = Time(c.CreatedAt),
        ["status"] = n.Status,
        ["capacityType"] = "ON_DEMAND",
        ["scalingConfig"] = new JsonObject { ["minSize"] = 1, ["maxSize"] = Math.Max(1, n.DesiredSize * 2), ["desiredSize"] = n.DesiredSize },
        ["instanceTypes"] = new JsonArray("m5.large"),
        ["subnets"] = new JsonArray(),
        ["amiType"] = "AL2023_x86_64_STANDARD",
        ["nodeRole"] = $"arn:aws:iam::{account}:role/eks-node-role",
        ["health"] = new JsonObject { ["issues"] = new JsonArray() },
        ["updateConfig"] = new JsonObject { ["maxUnavailable"] = 1 },
        ["tags"] = new JsonObject(),
    };

    public static JsonObject InsightSummary(EmulatedInsight i, DateTimeOffset refreshed) => new()
    {
        ["id"] = i.Id,
        ["name"] = i.Name,
        ["category"] = i.Category,
        ["kubernetesVersion"] = i.KubernetesVersion,
        ["lastRefreshTime"] = Time(refreshed),
        ["lastTransitionTime"] = Time(refreshed),
        ["description"] = i.Description,
        ["insightStatus"] = new JsonObject { ["status"] = i.Status, ["reason"] = i.Reason },
    };

    public static JsonObject Insight(EmulatedInsight i, DateTimeOffset refreshed)
    {
        var o = InsightSummary(i, refreshed);
        o["recommendation"] = i.Recommendation;
        o["additionalInfo"] = new JsonObject();
        o["resources"] = new JsonArray(i.Resources.Select(r => (JsonNode)new JsonObject
        {
            ["insightStatus"] = new JsonObject { ["status"] = i.Status, ["reason"] = i.Reason },
            ["kubernetesResourceUri"] = r,
        }).ToArray());
        o["categorySpecificSummary"] = new JsonObject { ["deprecationDetails"] = new JsonArray() };
        return o;
    }

    public static JsonObject ClusterVersion(ClusterVersionInfo v) => new()
    {
        ["clusterVersion"] = v.Version,
        ["clusterType"] = "eks",
        ["defaultPlatformVersion"] = v.DefaultPlatformVersion,
        ["defaultVersion"] = v.DefaultVersion,
        ["releaseDate"] = Time(v.ReleaseDate),
        ["endOfStandardSupportDate"] = Time(v.EndOfStandardSupportDate),
        ["endOfExtendedSupportDate"] = Time(v.EndOfExtendedSupportDate),
        ["status"] = v.Status,
        ["versionStatus"] = v.Status,
        ["kubernetesPatchVersion"] = v.KubernetesPatchVersion,
    };
}

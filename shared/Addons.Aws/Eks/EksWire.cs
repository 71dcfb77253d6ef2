using System.Text.Json.Serialization;
using Addons.Aws.Eks.Model;

namespace Addons.Aws.Eks;

// Request and response envelopes of the EKS REST-JSON API (camelCase on the wire).

internal sealed class ClusterEnvelope
{
    public EksCluster? Cluster { get; set; }
}

internal sealed class UpdateEnvelope
{
    public EksUpdate? Update { get; set; }
}

internal sealed class AddonEnvelope
{
    public EksAddon? Addon { get; set; }
}

internal sealed class NodegroupEnvelope
{
    public EksNodegroup? Nodegroup { get; set; }
}

internal sealed class InsightEnvelope
{
    public EksInsight? Insight { get; set; }
}

internal sealed class NamePage
{
    public List<string>? Clusters { get; set; }

    public List<string>? Addons { get; set; }

    public List<string>? Nodegroups { get; set; }

    public List<string>? UpdateIds { get; set; }

    public string? NextToken { get; set; }
}

internal sealed class AddonVersionsPage
{
    public List<EksAddonInfo>? Addons { get; set; }

    public string? NextToken { get; set; }
}

internal sealed class ClusterVersionsPage
{
    public List<EksClusterVersion>? ClusterVersions { get; set; }

    public string? NextToken { get; set; }
}

internal sealed class InsightsPage
{
    public List<EksInsightSummary>? Insights { get; set; }

    public string? NextToken { get; set; }
}

internal sealed class UpdateClusterVersionBody
{
    public string? Version { get; set; }

    public string? ClientRequestToken { get; set; }
}

internal sealed class UpdateAddonBody
{
    public string? AddonVersion { get; set; }

    public string? ResolveConflicts { get; set; }

    public string? ClientRequestToken { get; set; }
}

internal sealed class UpdateNodegroupVersionBody
{
    public string? Version { get; set; }

    public string? ReleaseVersion { get; set; }

    public bool? Force { get; set; }

    public string? ClientRequestToken { get; set; }
}

internal sealed class ListInsightsBody
{
    public EksInsightFilter? Filter { get; set; }

    public int? MaxResults { get; set; }

    public string? NextToken { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(AwsTimestampConverter)])]
[JsonSerializable(typeof(ClusterEnvelope))]
[JsonSerializable(typeof(UpdateEnvelope))]
[JsonSerializable(typeof(AddonEnvelope))]
[JsonSerializable(typeof(NodegroupEnvelope))]
[JsonSerializable(typeof(InsightEnvelope))]
[JsonSerializable(typeof(NamePage))]
[JsonSerializable(typeof(AddonVersionsPage))]
[JsonSerializable(typeof(ClusterVersionsPage))]
[JsonSerializable(typeof(InsightsPage))]
[JsonSerializable(typeof(UpdateClusterVersionBody))]
[JsonSerializable(typeof(UpdateAddonBody))]
[JsonSerializable(typeof(UpdateNodegroupVersionBody))]
[JsonSerializable(typeof(ListInsightsBody))]
internal sealed partial class EksJsonContext : JsonSerializerContext;

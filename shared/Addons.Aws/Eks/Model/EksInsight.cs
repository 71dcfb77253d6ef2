namespace Addons.Aws.Eks.Model;

/// <summary>An upgrade insight with recommendation and affected resources (DescribeInsight).</summary>
public sealed class EksInsight
{
    /// <summary>Id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Category.</summary>
    public string Category { get; set; } = "";

    /// <summary>KubernetesVersion.</summary>
    public string KubernetesVersion { get; set; } = "";

    /// <summary>LastRefreshTime.</summary>
    public DateTimeOffset? LastRefreshTime { get; set; }

    /// <summary>LastTransitionTime.</summary>
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Description.</summary>
    public string Description { get; set; } = "";

    /// <summary>InsightStatus.</summary>
    public EksInsightStatus? InsightStatus { get; set; }

    /// <summary>Recommendation.</summary>
    public string Recommendation { get; set; } = "";

    /// <summary>Resources.</summary>
    public List<EksInsightResource> Resources { get; set; } = [];
}

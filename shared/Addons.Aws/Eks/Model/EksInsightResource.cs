namespace Addons.Aws.Eks.Model;

/// <summary>A resource an insight is about.</summary>
public sealed class EksInsightResource
{
    /// <summary>InsightStatus.</summary>
    public EksInsightStatus? InsightStatus { get; set; }

    /// <summary>KubernetesResourceUri.</summary>
    public string KubernetesResourceUri { get; set; } = "";

    /// <summary>Arn.</summary>
    public string Arn { get; set; } = "";
}

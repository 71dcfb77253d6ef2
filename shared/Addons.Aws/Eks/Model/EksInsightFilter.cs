namespace Addons.Aws.Eks.Model;

/// <summary>ListInsights filter; empty lists match everything.</summary>
public sealed class EksInsightFilter
{
    /// <summary>Categories.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>KubernetesVersions.</summary>
    public List<string> KubernetesVersions { get; set; } = [];

    /// <summary>Statuses.</summary>
    public List<string> Statuses { get; set; } = [];
}

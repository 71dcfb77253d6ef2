using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Karc.NodePools;

/// <summary>A Karpenter NodePool (<c>karpenter.sh/v1</c> or <c>v1beta1</c>): only what karc reads.</summary>
internal sealed class NodePool : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "karpenter.sh/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "NodePool";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public NodePoolSpec? Spec { get; set; }

    /// <summary>The budgets as written; null when the field is absent.</summary>
    [JsonIgnore]
    public IReadOnlyList<Budget>? Budgets => Spec?.Disruption?.Budgets;

    [JsonIgnore]
    public string Name => Metadata.Name ?? string.Empty;
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Karc.NodePools;

/// <summary>A Karpenter NodeClaim: karc only counts them per NodePool by label.</summary>
internal sealed class NodeClaim : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The label Karpenter sets on a NodeClaim naming its NodePool.</summary>
    public const string NodePoolLabel = "karpenter.sh/nodepool";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "karpenter.sh/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "NodeClaim";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The owning NodePool's name, or null.</summary>
    [JsonIgnore]
    public string? NodePoolName => Metadata.Labels is { } labels && labels.TryGetValue(NodePoolLabel, out var v) ? v : null;
}

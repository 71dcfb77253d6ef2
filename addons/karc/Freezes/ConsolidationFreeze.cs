using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Karc.Freezes;

/// <summary>
/// <c>karc.io/v1alpha1</c> ConsolidationFreeze (cluster-scoped, short name <c>cf</c>): pause
/// consolidation on NodePools during a one-off window or a recurring, time-zone-aware schedule.
/// </summary>
internal sealed class ConsolidationFreeze : IKubernetesObject<V1ObjectMeta>
{
    public const string Group = "karc.io";
    public const string Version = "v1alpha1";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{Group}/{Version}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "ConsolidationFreeze";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public FreezeSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public FreezeStatus? Status { get; set; }

    [JsonIgnore]
    public string Name => Metadata.Name ?? string.Empty;
}

using System.Text.Json.Serialization;
using k8s.Models;

namespace Addons.Karc.Freezes;

/// <summary>What the controller observed and did for a ConsolidationFreeze.</summary>
internal sealed class FreezeStatus
{
    [JsonPropertyName("active")]
    public bool Active { get; set; }

    /// <summary>The NodePools this freeze currently holds paused.</summary>
    [JsonPropertyName("pausedNodePools")]
    public List<string> PausedNodePools { get; set; } = [];

    /// <summary>RFC 3339 UTC time of the next start or end; absent when there is none.</summary>
    /// <remarks>Written as null when there is none, so a status merge patch removes a transition that has passed.</remarks>
    [JsonPropertyName("nextTransition")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NextTransition { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary><c>Ready</c> and <c>Active</c>, kept by the kit's <c>Conditions</c> helper.</summary>
    [JsonPropertyName("conditions")]
    public List<V1Condition> Conditions { get; set; } = [];
}

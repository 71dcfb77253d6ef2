using System.Text.Json.Serialization;

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
    [JsonPropertyName("nextTransition")]
    public string? NextTransition { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("conditions")]
    public List<FreezeCondition> Conditions { get; set; } = [];
}

/// <summary>A standard Kubernetes condition (<c>Ready</c>, <c>Active</c>).</summary>
internal sealed class FreezeCondition
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = string.Empty;

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "Unknown";

    [JsonPropertyName("reason")]
    public string Reason { get; set; } = string.Empty;

    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    [JsonPropertyName("lastTransitionTime")]
    public string? LastTransitionTime { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Addons.Karc.NodePools;

/// <summary><c>spec.disruption</c> of a NodePool.</summary>
internal sealed class Disruption
{
    /// <summary>Karpenter's default when <c>consolidationPolicy</c> is unset (v1).</summary>
    public const string DefaultPolicy = "WhenEmptyOrUnderutilized";

    /// <summary>Karpenter's default when <c>consolidateAfter</c> is unset.</summary>
    public const string DefaultConsolidateAfter = "0s";

    [JsonPropertyName("consolidationPolicy")]
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConsolidationPolicy { get; set; }

    [JsonPropertyName("consolidateAfter")]
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConsolidateAfter { get; set; }

    /// <summary>Null when the field is absent (Karpenter then applies <c>[{nodes: 10%}]</c>).</summary>
    [JsonPropertyName("budgets")]
    [JsonConverter(typeof(LenientBudgetListConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Budget>? Budgets { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Addons.Karc.NodePools;

/// <summary>One entry of <c>spec.disruption.budgets</c>. Unknown fields are kept so a rewrite preserves them.</summary>
internal sealed class Budget
{
    [JsonPropertyName("nodes")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Nodes { get; set; }

    [JsonPropertyName("schedule")]
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schedule { get; set; }

    [JsonPropertyName("duration")]
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Duration { get; set; }

    [JsonPropertyName("reasons")]
    [JsonConverter(typeof(LenientStringListConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Reasons { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>True when the budget only applies inside a schedule window.</summary>
    [JsonIgnore]
    public bool IsScheduled => !string.IsNullOrEmpty(Schedule);
}

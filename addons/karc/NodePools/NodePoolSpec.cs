using System.Text.Json;
using System.Text.Json.Serialization;

namespace Addons.Karc.NodePools;

/// <summary>The parts of a NodePool's spec karc reads; everything else is carried through untouched.</summary>
internal sealed class NodePoolSpec
{
    [JsonPropertyName("weight")]
    [JsonConverter(typeof(LenientIntConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Weight { get; set; }

    [JsonPropertyName("disruption")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Disruption? Disruption { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

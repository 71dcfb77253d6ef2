using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;

namespace Addons.Karc.NodePools;

/// <summary>
/// Source-generated JSON metadata for every type karc (de)serializes — NativeAOT has no reflection
/// fallback. Only these types are rooted, not KubernetesClient's full model context.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(NodePool))]
[JsonSerializable(typeof(NodeClaim))]
[JsonSerializable(typeof(Addons.Karc.Freezes.ConsolidationFreeze))]
[JsonSerializable(typeof(Addons.Karc.Freezes.FreezeStatus))]
[JsonSerializable(typeof(Budget))]
[JsonSerializable(typeof(List<Budget>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class KarcJsonContext : JsonSerializerContext;

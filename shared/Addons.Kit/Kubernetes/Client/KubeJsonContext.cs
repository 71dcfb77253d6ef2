using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// The kit's own source-generated JSON metadata: only the handful of models the kit itself reads or writes.
/// </summary>
/// <remarks>
/// Deliberately not KubernetesClient.Aot's <c>SourceGenerationContext</c>: that one roots ~870 model types
/// and costs ~20 MB of RSS. Options match the Kubernetes wire format: camelCase, nulls omitted, RFC 3339
/// times in UTC with 'Z' (KubernetesClient.Aot's public, reflection-free converters).
/// </remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(V1Lease))]
[JsonSerializable(typeof(Eventsv1Event))]
[JsonSerializable(typeof(V1Status))]
[JsonSerializable(typeof(V1ObjectMeta))]
[JsonSerializable(typeof(V1ListMeta))]
[JsonSerializable(typeof(MetadataOnly))]
[JsonSerializable(typeof(RawObject))]
[JsonSerializable(typeof(MetadataObject))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;

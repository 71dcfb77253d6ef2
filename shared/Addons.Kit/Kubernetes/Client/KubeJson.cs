using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Source-generated JSON metadata for the built-in models the kit ships (AOT-safe, tiny).</summary>
/// <remarks>
/// For other kinds, an addon declares its own <c>JsonSerializerContext</c> with the same options as the kit:
/// <code>
/// [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
///     PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
///     Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
/// [JsonSerializable(typeof(V1Node))]
/// internal sealed partial class MyJson : JsonSerializerContext;
/// </code>
/// </remarks>
public static class KubeJson
{
    /// <summary>coordination.k8s.io/v1 Lease.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<V1Lease> Lease => KubeJsonContext.Default.V1Lease;

    /// <summary>events.k8s.io/v1 Event.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<Eventsv1Event> Event => KubeJsonContext.Default.Eventsv1Event;

    /// <summary>Any kind, kept exactly as received (<see cref="RawObject"/>).</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<RawObject> Raw => KubeJsonContext.Default.RawObject;

    /// <summary>Any kind, reduced to its metadata (<see cref="MetadataObject"/>).</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<MetadataObject> Metadata => KubeJsonContext.Default.MetadataObject;
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.MinimalHost;

/// <summary>JSON metadata for the one kind this host watches (not KubernetesClient.Aot's ~870-type context).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(V1ConfigMap))]
internal sealed partial class MinimalJson : JsonSerializerContext;

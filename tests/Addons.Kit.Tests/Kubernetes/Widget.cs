using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>A custom resource as an addon would declare it: a plain class plus a source-generated context.</summary>
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    public const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.test.addons.io}
        spec:
          group: test.addons.io
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    public static Addons.Kit.Kubernetes.Client.ResourceType Type { get; } = new("test.addons.io", "v1", "widgets", "Widget", true);

    public string ApiVersion { get; set; } = "test.addons.io/v1";

    public string Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec? Spec { get; set; }

    public WidgetStatus? Status { get; set; }
}

public sealed class WidgetSpec
{
    public int Size { get; set; }
}

public sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public long? ObservedGeneration { get; set; }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(WidgetStatus))]
internal sealed partial class TestJson : JsonSerializerContext;

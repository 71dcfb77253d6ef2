using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// Any object, kept exactly as the server sent it: <see cref="Json"/> is the object's JSON text as received
/// (unknown fields, field order and number formats intact — nothing is re-serialized through a model), plus
/// its parsed <see cref="Metadata"/> for keys, labels and resourceVersion. For custom resources an addon
/// stores rather than interprets (Trivy reports in collector):
/// <code>
/// var reports = api.For(new ResourceType("aquasecurity.github.io", "v1alpha1", "vulnerabilityreports", "VulnerabilityReport", true), KubeJson.Raw);
/// </code>
/// </summary>
/// <remarks>Read-only by design: serializing it writes <see cref="Json"/> back unchanged (changes to
/// <see cref="Metadata"/> are not reflected); modify objects with patches. List items may lack
/// <c>apiVersion</c>/<c>kind</c> in <see cref="Json"/> (servers omit them there); the properties are filled in.</remarks>
[JsonConverter(typeof(RawObjectConverter))]
public sealed class RawObject : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Creates an object from its JSON text and parsed metadata (the converter does this).</summary>
    public RawObject(string json, string? apiVersion, string? kind, V1ObjectMeta metadata)
    {
        Json = json;
        ApiVersion = apiVersion ?? "";
        Kind = kind ?? "";
        Metadata = metadata;
    }

    /// <summary>The object's JSON text, exactly as received.</summary>
    public string Json { get; }

    /// <inheritdoc/>
    public string ApiVersion { get; set; }

    /// <inheritdoc/>
    public string Kind { get; set; }

    /// <inheritdoc/>
    public V1ObjectMeta Metadata { get; set; }
}

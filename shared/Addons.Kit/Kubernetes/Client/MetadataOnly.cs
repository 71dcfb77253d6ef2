using System.Text.Json.Serialization;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Reads only <c>metadata</c> of an object, e.g. of a BOOKMARK event whose object is otherwise empty.</summary>
internal sealed class MetadataOnly
{
    [JsonPropertyName("metadata")]
    public V1ObjectMeta? Metadata { get; set; }
}

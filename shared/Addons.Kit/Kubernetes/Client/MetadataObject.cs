using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// Any object reduced to <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>: watch or cache it with
/// <see cref="KubeJson.Metadata"/> when only names, labels, annotations, owners or resourceVersions matter — the
/// rest of each object is skipped while parsing and never held in memory.
/// </summary>
public sealed class MetadataObject : IKubernetesObject<V1ObjectMeta>
{
    /// <inheritdoc/>
    public string ApiVersion { get; set; } = "";

    /// <inheritdoc/>
    public string Kind { get; set; } = "";

    /// <inheritdoc/>
    public V1ObjectMeta Metadata { get; set; } = new();
}

using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>Ready-made <see cref="WatcherOptions.Transform"/>s.</summary>
public static class WatchTransforms
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>
    /// Drops <c>metadata.managedFields</c> and the <c>last-applied-configuration</c> annotation — often most of
    /// an object's size, and never needed by a controller. Trims in place.
    /// </summary>
    public static IKubernetesObject<V1ObjectMeta> StripManagedFields(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
            metadata.Annotations?.Remove(LastApplied);
        }

        return obj;
    }
}

using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace Addons.Kit.Controllers;

/// <summary>Maps an owned object to its controlling owner's key, as controller-runtime's <c>Owns</c> does.</summary>
internal static class OwnerMapping
{
    /// <summary>
    /// The keys of owners of kind <paramref name="owner"/> that control <paramref name="obj"/>
    /// (<c>controller: true</c>; the API version's group must match, its version need not).
    /// </summary>
    public static IEnumerable<ObjectKey> ControllerOwners(IKubernetesObject<V1ObjectMeta> obj, ResourceType owner)
    {
        var references = obj.Metadata?.OwnerReferences;
        if (references is null)
        {
            yield break;
        }

        foreach (var reference in references)
        {
            if (reference.Controller == true
                && string.Equals(reference.Kind, owner.Kind, StringComparison.Ordinal)
                && string.Equals(GroupOf(reference.ApiVersion), owner.Group, StringComparison.Ordinal))
            {
                yield return new ObjectKey(owner.Namespaced ? obj.Metadata!.NamespaceProperty : null, reference.Name);
            }
        }
    }

    private static string GroupOf(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash < 0 ? string.Empty : apiVersion![..slash];
    }
}

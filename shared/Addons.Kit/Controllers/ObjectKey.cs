namespace Addons.Kit.Controllers;

/// <summary>The identity a controller queues: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects.</summary>
/// <param name="Namespace">The namespace; null for cluster-scoped objects.</param>
/// <param name="Name">The object's name.</param>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>Parses <c>ns/name</c> or <c>name</c>.</summary>
    public static ObjectKey Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The key of an object from its metadata.</summary>
    public static ObjectKey Of(k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var ns = obj.Metadata?.NamespaceProperty;
        return new ObjectKey(string.IsNullOrEmpty(ns) ? null : ns, obj.Metadata?.Name ?? string.Empty);
    }

    /// <summary><c>namespace/name</c>, or <c>name</c> when cluster-scoped (the cache's key format).</summary>
    public override string ToString() => Namespace is null ? Name : Namespace + "/" + Name;
}

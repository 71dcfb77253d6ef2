using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>Common index functions for <see cref="Store{T}.AddIndex"/>.</summary>
public static class StoreIndex
{
    /// <summary>Objects by the value of label <paramref name="key"/> (objects without it are not indexed).</summary>
    /// <param name="key">The label key, e.g. <c>app.kubernetes.io/name</c>.</param>
    public static Func<T, IEnumerable<string>> Label<T>(string key)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return obj => obj.Metadata?.Labels is { } labels && labels.TryGetValue(key, out var value) && value is not null ? [value] : [];
    }

    /// <summary>Objects by namespace (cluster-scoped objects are not indexed).</summary>
    public static Func<T, IEnumerable<string>> Namespace<T>()
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        static obj => obj.Metadata?.NamespaceProperty is { Length: > 0 } ns ? [ns] : [];

    /// <summary>Objects by one field (<paramref name="field"/> returns null to leave an object out).</summary>
    /// <param name="field">Reads the field, e.g. <c>pod =&gt; pod.Spec?.NodeName</c>.</param>
    public static Func<T, IEnumerable<string>> Field<T>(Func<T, string?> field)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(field);
        return obj => field(obj) is { } value ? [value] : [];
    }
}

using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>What a <see cref="Watcher{T}"/> or <see cref="Informer{T}"/> watches and how it retries.</summary>
public sealed record WatcherOptions
{
    /// <summary>Namespace to watch; null: all namespaces (or a cluster-scoped kind).</summary>
    public string? Namespace { get; init; }

    /// <summary>Label selector; null: all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector; null: all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size of the (re)list. <value>The default value is 500 (client-go).</value></summary>
    public int PageSize { get; init; } = ListOptions.DefaultPageSize;

    /// <summary>Each watch asks the server to end it after a random time between this and twice this, so
    /// connections are refreshed (client-go). <value>The default value is 5 minutes.</value></summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Applied to every object before it is cached or handed on (client-go's transform): keep only what the
    /// addon needs, e.g. <see cref="WatchTransforms.StripManagedFields"/>. Must return an object of the
    /// watched type with the same namespace and name (usually the same instance, trimmed in place).
    /// <value>The default value is null (objects are kept as parsed).</value>
    /// </summary>
    public Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>>? Transform { get; init; }

    /// <summary>Retry delays after errors. <value>The default value is 800 ms → 30 s, reset after 2 minutes.</value></summary>
    public BackoffOptions Backoff { get; init; } = new();
}

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// Names one kind of Kubernetes resource: where it lives in the REST API and what it is called.
/// </summary>
/// <param name="Group">API group; empty for the core group ("" → <c>/api/v1</c>).</param>
/// <param name="Version">API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Plural">Lower-case plural resource name used in URLs, e.g. <c>leases</c>.</param>
/// <param name="Kind">The object's <c>kind</c>, e.g. <c>Lease</c>.</param>
/// <param name="Namespaced">True when objects live in a namespace; false for cluster-scoped kinds.</param>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> string: <c>group/version</c>, or only the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>coordination.k8s.io/v1 Lease (namespaced).</summary>
    public static ResourceType Lease { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", true);

    /// <summary>events.k8s.io/v1 Event (namespaced).</summary>
    public static ResourceType Event { get; } = new("events.k8s.io", "v1", "events", "Event", true);

    /// <summary>v1 Namespace (cluster-scoped).</summary>
    public static ResourceType Namespace { get; } = new("", "v1", "namespaces", "Namespace", false);

    /// <summary>v1 Node (cluster-scoped).</summary>
    public static ResourceType Node { get; } = new("", "v1", "nodes", "Node", false);

    /// <summary>v1 Pod (namespaced).</summary>
    public static ResourceType Pod { get; } = new("", "v1", "pods", "Pod", true);

    /// <summary>v1 ConfigMap (namespaced).</summary>
    public static ResourceType ConfigMap { get; } = new("", "v1", "configmaps", "ConfigMap", true);

    /// <summary>v1 Secret (namespaced).</summary>
    public static ResourceType Secret { get; } = new("", "v1", "secrets", "Secret", true);

    /// <summary>The URL path of the collection, e.g. <c>/apis/coordination.k8s.io/v1/namespaces/ns/leases</c>.</summary>
    /// <param name="ns">Namespace, or null for cluster-scoped kinds and all-namespace lists.</param>
    internal string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? "/api/" + Version : "/apis/" + Group + "/" + Version;
        return Namespaced && !string.IsNullOrEmpty(ns)
            ? root + "/namespaces/" + Uri.EscapeDataString(ns) + "/" + Plural
            : root + "/" + Plural;
    }

    /// <summary>The URL path of one object, optionally with a subresource such as <c>status</c>.</summary>
    internal string ObjectPath(string? ns, string name, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Plural} is namespaced: a namespace is required", nameof(ns));
        }

        var path = CollectionPath(ns) + "/" + Uri.EscapeDataString(name);
        return subresource is null ? path : path + "/" + subresource;
    }
}

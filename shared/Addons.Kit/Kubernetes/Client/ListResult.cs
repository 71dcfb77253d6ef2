namespace Addons.Kit.Kubernetes.Client;

/// <summary>All items of a (paged) list and the list's resourceVersion, the point to start a watch from.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Items">The objects, in server order.</param>
/// <param name="ResourceVersion">The resourceVersion of the list (of the first page when paged, as client-go).</param>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string ResourceVersion);

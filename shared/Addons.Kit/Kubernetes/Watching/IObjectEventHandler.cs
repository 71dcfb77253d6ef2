namespace Addons.Kit.Kubernetes.Watching;

/// <summary>Receives the changes an <see cref="Informer{T}"/> applies to its cache (the controller's work-queue feed).</summary>
/// <remarks>Calls come from the informer's loop, one at a time, in order, after the store holds the new state.
/// Keep them quick (enqueue a key); an exception stops the informer and surfaces from <see cref="Informer{T}.RunAsync"/>.</remarks>
/// <typeparam name="T">The object type.</typeparam>
public interface IObjectEventHandler<in T>
{
    /// <summary>An object appeared (initial list, creation, or found on a relist).</summary>
    void OnAdded(T obj);

    /// <summary>An object changed (a new resourceVersion).</summary>
    void OnUpdated(T oldObj, T newObj);

    /// <summary>An object disappeared (deleted, or missing on a relist); <paramref name="obj"/> is its last known state.</summary>
    void OnDeleted(T obj);
}

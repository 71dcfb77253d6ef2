using Addons.Kit.Kubernetes.Client;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>A change the <see cref="Watcher{T}"/> applied to its <see cref="Store{T}"/>.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Type">Added, Modified or Deleted (never Bookmark).</param>
/// <param name="Object">The new state; for Deleted, the last known state.</param>
/// <param name="Previous">For Modified, the state before; otherwise null.</param>
public sealed record WatcherEvent<T>(WatchEventType Type, T Object, T? Previous)
    where T : class;

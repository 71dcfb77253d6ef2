using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>In-memory cache of the watched objects, keyed <c>namespace/name</c> (or <c>name</c> when cluster-scoped).</summary>
/// <remarks>Guarantees: reads are thread-safe and see whole objects; <see cref="HasSynced"/> turns true once the
/// initial list has been applied and its events delivered, and stays true. Objects are shared: treat them as read-only.</remarks>
public sealed class Store<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock gate = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StoreIndexes<T> indexes = new();
    private Dictionary<string, T> items = new(StringComparer.Ordinal);

    /// <summary>True once the initial list is in the cache.</summary>
    public bool HasSynced => synced.Task.IsCompleted;

    /// <summary>Number of cached objects.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    /// <summary>The key of an object: <c>namespace/name</c>, or <c>name</c> without a namespace.</summary>
    public static string KeyOf(T obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return KeyOf(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? "");
    }

    /// <summary>The key for a namespace and name.</summary>
    public static string KeyOf(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "/" + name;

    /// <summary>The cached object, or null.</summary>
    public T? Get(string? ns, string name) => GetByKey(KeyOf(ns, name));

    /// <summary>The cached object with this key, or null.</summary>
    public T? GetByKey(string key)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(key);
        }
    }

    /// <summary>A snapshot of all cached objects.</summary>
    public IReadOnlyList<T> List()
    {
        lock (gate)
        {
            return [.. items.Values];
        }
    }

    /// <summary>
    /// Adds an index: <paramref name="keys"/> gives the index values of an object (e.g. a label's value, a
    /// field); <see cref="ByIndex"/> then returns the objects with a value without scanning the cache.
    /// May be added at any time (existing objects are indexed at once); names are unique per store.
    /// </summary>
    /// <param name="name">The index name, e.g. <c>label:team</c> (see <see cref="StoreIndex"/> for common ones).</param>
    /// <param name="keys">The values an object is found under; none for objects the index ignores.</param>
    public void AddIndex(string name, Func<T, IEnumerable<string>> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(keys);
        lock (gate)
        {
            indexes.Add(name, keys, items);
        }
    }

    /// <summary>A snapshot of the cached objects whose index <paramref name="name"/> holds <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No index has that name.</exception>
    public IReadOnlyList<T> ByIndex(string name, string value)
    {
        lock (gate)
        {
            return [.. indexes.Keys(name, value).Select(key => items[key])];
        }
    }

    /// <summary>A snapshot of the cached objects that match <paramref name="predicate"/> (a scan; prefer an index for hot paths).</summary>
    public IReadOnlyList<T> List(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (gate)
        {
            return [.. items.Values.Where(predicate)];
        }
    }

    /// <summary>Completes when the initial list is cached.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    internal void MarkSynced() => synced.TrySetResult();

    /// <summary>Inserts or updates; returns the previous object.</summary>
    internal T? Set(T obj)
    {
        var key = KeyOf(obj);
        lock (gate)
        {
            items.TryGetValue(key, out var previous);
            items[key] = obj;
            indexes.Update(key, previous, obj);
            return previous;
        }
    }

    /// <summary>Removes; returns the removed object.</summary>
    internal T? Remove(T obj)
    {
        lock (gate)
        {
            var key = KeyOf(obj);
            if (!items.Remove(key, out var previous))
            {
                return null;
            }

            indexes.Update(key, previous, null);
            return previous;
        }
    }

    /// <summary>Replaces the whole content with a fresh list and returns the differences.</summary>
    internal List<WatcherEvent<T>> Replace(IReadOnlyList<T> fresh)
    {
        var next = new Dictionary<string, T>(fresh.Count, StringComparer.Ordinal);
        foreach (var obj in fresh)
        {
            next[KeyOf(obj)] = obj;
        }

        Dictionary<string, T> old;
        lock (gate)
        {
            old = items;
            items = next;
            indexes.Rebuild(next);
        }

        var changes = new List<WatcherEvent<T>>();
        foreach (var (key, obj) in next)
        {
            if (!old.TryGetValue(key, out var before))
            {
                changes.Add(new WatcherEvent<T>(WatchEventType.Added, obj, null));
            }
            else if (before.Metadata?.Uid != obj.Metadata?.Uid)
            {
                // Deleted and re-created while we were not watching: two events, as a live watch would have shown.
                changes.Add(new WatcherEvent<T>(WatchEventType.Deleted, before, null));
                changes.Add(new WatcherEvent<T>(WatchEventType.Added, obj, null));
            }
            else if (before.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
            {
                changes.Add(new WatcherEvent<T>(WatchEventType.Modified, obj, before));
            }
        }

        foreach (var (key, obj) in old)
        {
            if (!next.ContainsKey(key))
            {
                changes.Add(new WatcherEvent<T>(WatchEventType.Deleted, obj, null));
            }
        }

        return changes;
    }
}

using Addons.Kit.Kubernetes.Watching;
using k8s;
using k8s.Models;

namespace Addons.Kit.Controllers;

/// <summary>
/// A reconciler's read handle on the cache of one of its controller's watches, so it reads from memory
/// instead of LISTing the API server on every reconcile:
/// <code>
/// var pools = new WatchCache&lt;NodePool&gt;().WithIndex("label:team", StoreIndex.Label&lt;NodePool&gt;("team"));
/// builder.Services.AddSingleton(pools);
/// builder.AddController&lt;Freeze, FreezeReconciler&gt;(...).Watches(nodePoolType, json, map, cache: pools);
/// // in the reconciler: pools.Store.List(), pools.Store.Get(null, name), pools.Store.ByIndex("label:team", "a")
/// </code>
/// </summary>
/// <remarks>
/// Guarantees: attached when the controller starts; a controller's reconciles begin only after all of its
/// watches have synced, so reads from a reconciler see at least the initial list. The cache lags the server
/// by the watch delay: write with <c>resourceVersion</c> preconditions (409 → requeue) as usual.
/// Objects are shared: treat them as read-only.
/// </remarks>
/// <typeparam name="T">The watched kind.</typeparam>
public sealed class WatchCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly List<(string Name, Func<T, IEnumerable<string>> Keys)> _indexes = [];
    private Store<T>? _store;

    /// <summary>True once the controller's watch exists (from host start on).</summary>
    public bool IsAttached => Volatile.Read(ref _store) is not null;

    /// <summary>The watch's store.</summary>
    /// <exception cref="InvalidOperationException">The controller has not started yet.</exception>
    public Store<T> Store => Volatile.Read(ref _store)
        ?? throw new InvalidOperationException($"the {typeof(T).Name} watch has not started; read the cache from a reconciler");

    /// <summary>Adds an index to the store when it is attached (see <see cref="Store{T}.AddIndex"/>).</summary>
    /// <param name="name">The index name.</param>
    /// <param name="keys">The values an object is indexed under.</param>
    public WatchCache<T> WithIndex(string name, Func<T, IEnumerable<string>> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(keys);
        if (IsAttached)
        {
            throw new InvalidOperationException("indexes are declared before the controller starts");
        }

        _indexes.Add((name, keys));
        return this;
    }

    /// <summary>
    /// Attaches the cache to <paramref name="store"/>, adding the declared indexes. The controller does this for the
    /// watches given a cache; call it yourself only for a store you run (an <see cref="Informer{T}"/> of your own, a test).
    /// </summary>
    /// <exception cref="InvalidOperationException">The cache is already attached (one cache serves one watch).</exception>
    public void Attach(Store<T> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (name, keys) in _indexes)
        {
            store.AddIndex(name, keys);
        }

        if (Interlocked.CompareExchange(ref _store, store, null) is not null)
        {
            throw new InvalidOperationException($"a WatchCache<{typeof(T).Name}> serves one watch; create one per watch");
        }
    }
}

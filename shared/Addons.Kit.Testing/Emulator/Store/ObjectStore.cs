using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// The emulator's etcd: every object of every kind, one global resourceVersion counter, and a bounded
/// history of changes for watch resume.
/// <para><b>Guarantees:</b> all reads and writes are serialized by one lock, so each write gets the next
/// resourceVersion and watchers receive events in resourceVersion order. Stored snapshots are immutable.</para>
/// <para><b>Caveats:</b> paging is not a consistent snapshot (a continued list sees later writes).</para>
/// </summary>
internal sealed partial class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredObject> _byUid = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly int _historySize;
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private long _compactedResourceVersion;
    private bool _dryRun;

    public ObjectStore(KindRegistry registry, TimeProvider time, int historySize)
    {
        Registry = registry;
        _time = time;
        _historySize = historySize;
    }

    public KindRegistry Registry { get; }

    /// <summary>The last resourceVersion handed out.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Server-side apply: the last configuration each field manager applied, by object uid.</summary>
    public Dictionary<string, Dictionary<string, JsonObject>> AppliedConfigs { get; } = new(StringComparer.Ordinal);

    public StoredObject? Find(ResourceKind kind, string ns, string name)
    {
        lock (_gate)
        {
            return FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", name);
        }
    }

    public StoredObject Get(ResourceKind kind, string ns, string name) =>
        Find(kind, ns, name) ?? throw ApiError.NotFound(kind, name);

    /// <summary>Runs <paramref name="action"/> under the store lock, for multi-step reads (RBAC evaluation).</summary>
    public T Read<T>(Func<ObjectStore, T> action)
    {
        lock (_gate)
        {
            return action(this);
        }
    }

    /// <summary>Objects of one storage key (all namespaces); call under <see cref="Read{T}"/>.</summary>
    public IEnumerable<StoredObject> ObjectsLocked(string storageKey) =>
        _buckets.TryGetValue(storageKey, out var bucket) ? bucket.Values : [];

    public ListResult List(ResourceKind kind, ListQuery query)
    {
        var (afterKey, listRv) = ContinueToken.Decode(query.Continue);
        lock (_gate)
        {
            var items = new List<StoredObject>();
            long remaining = 0;
            string? next = null;
            foreach (var obj in ObjectsLocked(kind.StorageKey))
            {
                if ((afterKey is not null && string.CompareOrdinal(obj.Key, afterKey) <= 0)
                    || (query.Namespace is not null && obj.Namespace != query.Namespace)
                    || !query.Matches(obj.Object))
                {
                    continue;
                }

                if (query.Limit > 0 && items.Count == query.Limit)
                {
                    remaining++;
                    continue;
                }

                items.Add(obj);
            }

            var rv = listRv ?? _resourceVersion;
            if (remaining > 0)
            {
                next = ContinueToken.Encode(items[^1].Key, rv);
            }

            return new ListResult(items, rv, next, remaining > 0 ? remaining : null);
        }
    }

    /// <summary>Runs a write without persisting it (<c>dryRun=All</c>): same checks, same answer, no commit.</summary>
    public T DryRun<T>(Func<T> write)
    {
        lock (_gate)
        {
            _dryRun = true;
            try
            {
                return write();
            }
            finally
            {
                _dryRun = false;
            }
        }
    }

    /// <summary>Remembers what a field manager applied, for the next apply's removals.</summary>
    public void SetApplied(string uid, string manager, JsonObject applied)
    {
        lock (_gate)
        {
            if (_dryRun || !_byUid.ContainsKey(uid))
            {
                return;
            }

            if (!AppliedConfigs.TryGetValue(uid, out var managers))
            {
                managers = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
                AppliedConfigs[uid] = managers;
            }

            managers[manager] = applied;
        }
    }

    private StoredObject? FindLocked(string storageKey, string ns, string name) =>
        _buckets.TryGetValue(storageKey, out var bucket) && bucket.TryGetValue(ns + "/" + name, out var obj) ? obj : null;

    /// <summary>The single write primitive: next resourceVersion, store or remove, record, fan out.</summary>
    private StoredObject CommitLocked(ResourceKind kind, JsonObject next, StoredObject? previous, string type)
    {
        if (_dryRun)
        {
            return new StoredObject(next, _resourceVersion, kind.StorageKey, kind.Namespaced ? Meta.Namespace(next) : "", Meta.Name(next));
        }

        var rv = ++_resourceVersion;
        Meta.Of(next)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = new StoredObject(next, rv, kind.StorageKey, kind.Namespaced ? Meta.Namespace(next) : "", Meta.Name(next));
        if (!_buckets.TryGetValue(kind.StorageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _buckets[kind.StorageKey] = bucket;
        }

        var uid = Meta.Str(next, "uid") ?? "";
        if (type == WatchEvent.Deleted)
        {
            bucket.Remove(stored.Key);
            _byUid.Remove(uid);
            AppliedConfigs.Remove(uid);
        }
        else
        {
            bucket[stored.Key] = stored;
            _byUid[uid] = stored;
        }

        var change = new WatchEvent(type, stored, previous);
        _history.Enqueue(change);
        while (_history.Count > _historySize)
        {
            _compactedResourceVersion = _history.Dequeue().ResourceVersion;
        }

        foreach (var subscription in _subscriptions)
        {
            if (subscription.Translate(change) is { } seen)
            {
                subscription.Events.Writer.TryWrite(seen);
            }
        }

        OnCommittedLocked(kind, change);
        QueueReactionsLocked(change);
        return stored;
    }

    private DateTimeOffset Now => _time.GetUtcNow();
}

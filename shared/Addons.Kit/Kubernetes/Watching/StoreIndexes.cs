using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>The indexes of one <see cref="Store{T}"/>: index name → value → object keys. Callers hold the store's lock.</summary>
internal sealed class StoreIndexes<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);

    public void Add(string name, Func<T, IEnumerable<string>> keys, Dictionary<string, T> items)
    {
        var index = new Index(keys);
        if (!_indexes.TryAdd(name, index))
        {
            throw new ArgumentException($"the store already has an index named {name}", nameof(name));
        }

        foreach (var (key, obj) in items)
        {
            index.Insert(key, obj);
        }
    }

    public IEnumerable<string> Keys(string name, string value)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            throw new ArgumentException($"the store has no index named {name}", nameof(name));
        }

        return index.Values.TryGetValue(value, out var keys) ? keys : [];
    }

    public void Update(string key, T? previous, T? current)
    {
        foreach (var index in _indexes.Values)
        {
            if (previous is not null)
            {
                index.Delete(key, previous);
            }

            if (current is not null)
            {
                index.Insert(key, current);
            }
        }
    }

    public void Rebuild(Dictionary<string, T> items)
    {
        foreach (var index in _indexes.Values)
        {
            index.Values.Clear();
            foreach (var (key, obj) in items)
            {
                index.Insert(key, obj);
            }
        }
    }

    private sealed class Index(Func<T, IEnumerable<string>> keys)
    {
        public Dictionary<string, HashSet<string>> Values { get; } = new(StringComparer.Ordinal);

        public void Insert(string key, T obj)
        {
            foreach (var value in keys(obj))
            {
                if (!Values.TryGetValue(value, out var set))
                {
                    Values[value] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(key);
            }
        }

        public void Delete(string key, T obj)
        {
            foreach (var value in keys(obj))
            {
                if (Values.TryGetValue(value, out var set) && set.Remove(key) && set.Count == 0)
                {
                    Values.Remove(value);
                }
            }
        }
    }
}

using System.Collections.Frozen;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>
/// The set of served resources: built-ins plus CRD versions. Reads are lock-free on an immutable
/// snapshot because every request consults it; writes (CRD changes) swap the snapshot under the store lock.
/// </summary>
internal sealed class KindRegistry
{
    private readonly List<ResourceKind> _builtIns = [.. BuiltInKinds.All];
    private readonly Dictionary<string, IReadOnlyList<ResourceKind>> _crds = new(StringComparer.Ordinal);
    private volatile Snapshot _snapshot;

    public KindRegistry() => _snapshot = new Snapshot(_builtIns);

    public IReadOnlyList<ResourceKind> All => _snapshot.Kinds;

    public ResourceKind? Find(string group, string version, string plural) =>
        _snapshot.ByPath.GetValueOrDefault(group + "/" + version + "/" + plural);

    /// <summary>Finds by kind name, used when YAML gives apiVersion + kind but no path.</summary>
    public ResourceKind? FindByKind(string apiVersion, string kind) =>
        _snapshot.ByKind.GetValueOrDefault(apiVersion + "/" + kind);

    public IEnumerable<ResourceKind> VersionsOf(string storageKey) => _snapshot.Kinds.Where(k => k.StorageKey == storageKey);

    /// <summary>Replaces the kinds a CRD serves (empty list removes them). Caller holds the store lock.</summary>
    public void SetCrd(string crdName, IReadOnlyList<ResourceKind> kinds)
    {
        if (kinds.Count == 0)
        {
            _crds.Remove(crdName);
        }
        else
        {
            _crds[crdName] = kinds;
        }

        _snapshot = new Snapshot([.. _builtIns, .. _crds.Values.SelectMany(k => k)]);
    }

    private sealed class Snapshot
    {
        public Snapshot(List<ResourceKind> kinds)
        {
            Kinds = kinds;
            ByPath = kinds.GroupBy(k => k.Group + "/" + k.Version + "/" + k.Plural).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            ByKind = kinds.GroupBy(k => k.ApiVersion + "/" + k.Kind).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        }

        public IReadOnlyList<ResourceKind> Kinds { get; }

        public FrozenDictionary<string, ResourceKind> ByPath { get; }

        public FrozenDictionary<string, ResourceKind> ByKind { get; }
    }
}

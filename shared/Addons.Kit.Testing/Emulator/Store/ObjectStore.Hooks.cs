using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>What a committed write does beyond storing: CRDs start or stop serving their resources.</summary>
internal sealed partial class ObjectStore
{
    public const string CrdStorageKey = "apiextensions.k8s.io/customresourcedefinitions";

    private void OnCommittedLocked(ResourceKind kind, WatchEvent change)
    {
        if (kind.StorageKey != CrdStorageKey)
        {
            return;
        }

        var crd = change.Object.Object;
        if (change.Type != WatchEvent.Deleted)
        {
            Registry.SetCrd(change.Object.Name, CrdKinds.From(crd));
            return;
        }

        // Deleting a CRD deletes every object of it, then the resource stops being served.
        var served = CrdKinds.From(crd);
        if (served.Count > 0 && _buckets.TryGetValue(served[0].StorageKey, out var bucket))
        {
            foreach (var obj in bucket.Values.ToList())
            {
                CommitLocked(KindOf(obj) ?? served[0], Meta.Clone(obj.Object), obj, WatchEvent.Deleted);
            }
        }

        Registry.SetCrd(change.Object.Name, []);
    }
}

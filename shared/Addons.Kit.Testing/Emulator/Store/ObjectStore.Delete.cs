using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// Deletion: finalizers hold an object (with deletionTimestamp) until they are removed; owner references
/// cascade in the background (dependents go after their owner); namespaces empty themselves first.
/// </summary>
internal sealed partial class ObjectStore
{
    public StoredObject Delete(ResourceKind kind, string ns, string name, DeleteOptions options)
    {
        lock (_gate)
        {
            var old = FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", name) ?? throw ApiError.NotFound(kind, name);
            if (options.PreconditionUid is { } uid && uid != Meta.Str(old.Object, "uid"))
            {
                throw new ApiError(409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Meta.Str(old.Object, "uid")}", kind, name);
            }

            if (options.PreconditionResourceVersion is { } rv && rv != Meta.Str(old.Object, "resourceVersion"))
            {
                throw new ApiError(409, "Conflict", $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Meta.Str(old.Object, "resourceVersion")}", kind, name);
            }

            return options.DryRun ? old : DeleteLocked(kind, old, options.Orphan);
        }
    }

    public IReadOnlyList<StoredObject> DeleteCollection(ResourceKind kind, ListQuery query, DeleteOptions options)
    {
        lock (_gate)
        {
            var targets = ObjectsLocked(kind.StorageKey)
                .Where(o => (query.Namespace is null || o.Namespace == query.Namespace) && query.Matches(o.Object)).ToList();
            return options.DryRun ? targets : targets.Select(o => DeleteLocked(kind, o, options.Orphan)).ToList();
        }
    }

    private StoredObject DeleteLocked(ResourceKind kind, StoredObject old, bool orphan)
    {
        if (kind.Group.Length == 0 && kind.Plural == "namespaces")
        {
            return DeleteNamespaceLocked(kind, old);
        }

        if (!Meta.HasFinalizers(old.Object))
        {
            return RemoveLocked(kind, old, Meta.Clone(old.Object), orphan);
        }

        if (Meta.IsDeleting(old.Object))
        {
            return old;
        }

        if (orphan)
        {
            OrphanDependentsLocked(Meta.Str(old.Object, "uid") ?? "");
        }

        return CommitLocked(kind, MarkDeleting(old.Object), old, WatchEvent.Modified);
    }

    private JsonObject MarkDeleting(JsonObject current)
    {
        var next = Meta.Clone(current);
        var meta = Meta.Of(next);
        meta["deletionTimestamp"] = Meta.Timestamp(Now);
        meta["deletionGracePeriodSeconds"] = 0;
        return next;
    }

    /// <summary>Removes the object for good, then lets the garbage collector and namespace finalizer run.</summary>
    private StoredObject RemoveLocked(ResourceKind kind, StoredObject old, JsonObject final, bool orphan)
    {
        var removed = CommitLocked(kind, final, old, WatchEvent.Deleted);
        var uid = Meta.Str(final, "uid") ?? "";
        if (orphan)
        {
            OrphanDependentsLocked(uid);
        }
        else
        {
            CollectDependentsLocked(uid);
        }

        if (kind.Namespaced)
        {
            TryFinalizeNamespaceLocked(removed.Namespace);
        }

        return removed;
    }

    private List<StoredObject> DependentsLocked(string ownerUid) =>
        _byUid.Values.Where(o => (o.Object["metadata"]?["ownerReferences"] as JsonArray)?.Any(r => r?["uid"]?.ToString() == ownerUid) == true).ToList();

    /// <summary>Background propagation: a dependent whose owners are all gone is deleted; otherwise it just loses the dangling reference.</summary>
    private void CollectDependentsLocked(string ownerUid)
    {
        foreach (var dependent in DependentsLocked(ownerUid))
        {
            var current = _byUid.GetValueOrDefault(Meta.Str(dependent.Object, "uid") ?? "");
            if (current is null || KindOf(current) is not { } kind)
            {
                continue;
            }

            var refs = (JsonArray)current.Object["metadata"]!["ownerReferences"]!;
            var liveOwners = refs.Count(r => r?["uid"]?.ToString() is { } u && u != ownerUid && _byUid.ContainsKey(u));
            if (liveOwners == 0)
            {
                DeleteLocked(kind, current, orphan: false);
            }
            else
            {
                CommitLocked(kind, WithoutOwner(current.Object, ownerUid), current, WatchEvent.Modified);
            }
        }
    }

    private void OrphanDependentsLocked(string ownerUid)
    {
        foreach (var dependent in DependentsLocked(ownerUid))
        {
            if (KindOf(dependent) is { } kind)
            {
                CommitLocked(kind, WithoutOwner(dependent.Object, ownerUid), dependent, WatchEvent.Modified);
            }
        }
    }

    private static JsonObject WithoutOwner(JsonObject obj, string ownerUid)
    {
        var next = Meta.Clone(obj);
        var refs = (JsonArray)next["metadata"]!["ownerReferences"]!;
        foreach (var r in refs.Where(r => r?["uid"]?.ToString() == ownerUid).ToList())
        {
            refs.Remove(r);
        }

        if (refs.Count == 0)
        {
            Meta.Of(next).Remove("ownerReferences");
        }

        return next;
    }

    private StoredObject DeleteNamespaceLocked(ResourceKind kind, StoredObject old)
    {
        var current = old;
        if (!Meta.IsDeleting(old.Object))
        {
            var next = MarkDeleting(old.Object);
            next["status"] = new JsonObject { ["phase"] = "Terminating" };
            current = CommitLocked(kind, next, old, WatchEvent.Modified);
        }

        var contents = _buckets.Values.SelectMany(b => b.Values).Where(o => o.Namespace == old.Name && o.Namespace.Length > 0).ToList();
        foreach (var obj in contents)
        {
            var live = FindLocked(obj.StorageKey, obj.Namespace, obj.Name);
            if (live is not null && KindOf(live) is { } objKind)
            {
                DeleteLocked(objKind, live, orphan: false);
            }
        }

        return TryFinalizeNamespaceLocked(old.Name) ?? FindLocked(kind.StorageKey, "", old.Name) ?? current;
    }

    /// <summary>A terminating namespace goes away once nothing is left in it (its finalizer "kubernetes" is implied).</summary>
    private StoredObject? TryFinalizeNamespaceLocked(string ns)
    {
        var nsKind = Registry.Find("", "v1", "namespaces")!;
        var nsObj = FindLocked(nsKind.StorageKey, "", ns);
        if (nsObj is null || !Meta.IsDeleting(nsObj.Object) || Meta.HasFinalizers(nsObj.Object))
        {
            return null;
        }

        if (_buckets.Values.Any(b => b.Values.Any(o => o.Namespace == ns)))
        {
            return null;
        }

        return RemoveLocked(nsKind, nsObj, Meta.Clone(nsObj.Object), orphan: false);
    }

    private ResourceKind? KindOf(StoredObject obj)
    {
        ResourceKind? any = null;
        foreach (var kind in Registry.VersionsOf(obj.StorageKey))
        {
            if (kind.ApiVersion == obj.ApiVersion)
            {
                return kind;
            }

            any ??= kind;
        }

        return any;
    }

    private void EnsureNamespaceAcceptsLocked(string ns)
    {
        var nsKind = Registry.Find("", "v1", "namespaces")!;
        var nsObj = FindLocked(nsKind.StorageKey, "", ns) ?? throw ApiError.NotFound(nsKind, ns);
        if (Meta.IsDeleting(nsObj.Object))
        {
            throw new ApiError(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated", nsKind, ns);
        }
    }
}

using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>Create, update and read-modify-write (patch) with the API's metadata rules.</summary>
internal sealed partial class ObjectStore
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public StoredObject Create(ResourceKind kind, string ns, JsonObject obj, WriteMode mode)
    {
        (kind, obj) = Stored(kind, obj);
        lock (_gate)
        {
            return CreateLocked(kind, ns, obj, mode);
        }
    }

    public StoredObject Update(ResourceKind kind, string ns, string name, JsonObject obj, WriteMode mode)
    {
        (kind, obj) = Stored(kind, obj);
        lock (_gate)
        {
            var old = FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", name) ?? throw ApiError.NotFound(kind, name);
            CheckName(kind, obj, name);
            return UpdateLocked(kind, old, obj, mode);
        }
    }

    /// <summary>
    /// Read-modify-write under the lock: <paramref name="change"/> gets a private copy of the current
    /// object (or null when missing and <paramref name="createIfMissing"/>) and returns the new one.
    /// </summary>
    public StoredObject Mutate(ResourceKind kind, string ns, string name, Func<JsonObject?, StoredObject?, JsonObject> change, WriteMode mode, bool createIfMissing)
    {
        if (EventConversion.Converts(kind))
        {
            // The patch applies to the events.k8s.io view; the result is stored as a core Event.
            var viewChange = change;
            change = (current, old) => EventConversion.ToCore(viewChange(current is null ? null : EventConversion.ToEventsV1(current), old));
            kind = CoreEvents;
        }

        lock (_gate)
        {
            var old = FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", name);
            if (old is null)
            {
                if (!createIfMissing)
                {
                    throw ApiError.NotFound(kind, name);
                }

                var created = change(null, null);
                var meta = Meta.Of(created);
                meta["name"] ??= name;
                CheckName(kind, created, name);
                return CreateLocked(kind, ns, created, mode);
            }

            var next = change(Meta.Clone(old.Object), old);
            CheckName(kind, next, name);
            return UpdateLocked(kind, old, next, mode);
        }
    }

    /// <summary>Create, or update when it exists (resourceVersion ignored): the seeding path of ApplyYamlAsync.</summary>
    public StoredObject Upsert(ResourceKind kind, string ns, JsonObject obj)
    {
        (kind, obj) = Stored(kind, obj);
        lock (_gate)
        {
            var old = FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", Meta.Name(obj));
            if (old is null)
            {
                return CreateLocked(kind, ns, obj, WriteMode.Admin);
            }

            Meta.Of(obj).Remove("resourceVersion");
            return UpdateLocked(kind, old, obj, WriteMode.Admin);
        }
    }

    private ResourceKind CoreEvents => Registry.Find("", "v1", "events")!;

    /// <summary>The kind and shape an object is stored as (events.k8s.io Events become core Events).</summary>
    private (ResourceKind Kind, JsonObject Obj) Stored(ResourceKind kind, JsonObject obj) =>
        EventConversion.Converts(kind) ? (CoreEvents, EventConversion.ToCore(obj)) : (kind, obj);

    private static void CheckName(ResourceKind kind, JsonObject obj, string name)
    {
        var given = Meta.Name(obj);
        if (given.Length > 0 && given != name)
        {
            throw ApiError.BadRequest($"the name of the object ({given}) does not match the name on the URL ({name})");
        }

        _ = kind;
    }

    private StoredObject CreateLocked(ResourceKind kind, string ns, JsonObject obj, WriteMode mode)
    {
        CheckTypeMeta(kind, obj);
        var meta = Meta.Of(obj);
        if (kind.Namespaced)
        {
            var given = Meta.Namespace(obj);
            if (given.Length > 0 && given != ns)
            {
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = ns;
            EnsureNamespaceAcceptsLocked(ns);
        }
        else
        {
            meta.Remove("namespace");
        }

        var name = Meta.Name(obj);
        if (name.Length == 0 && Meta.Str(obj, "generateName") is { Length: > 0 } prefix)
        {
            name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)]));
            meta["name"] = name;
        }

        if (name.Length == 0)
        {
            throw ApiError.Invalid(kind, "", "metadata.name: Required value: name or generateName is required");
        }

        if (FindLocked(kind.StorageKey, kind.Namespaced ? ns : "", name) is not null)
        {
            throw ApiError.AlreadyExists(kind, name);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = Meta.Timestamp(Now);
        meta["generation"] = 1L;
        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        if (kind.HasStatus && mode == WriteMode.Main)
        {
            obj.Remove("status");
        }

        ObjectDefaults.OnCreate(kind, obj);
        ApplySchemaLocked(kind, obj, null, mode);
        return CommitLocked(kind, obj, null, WatchEvent.Added);
    }

    private StoredObject UpdateLocked(ResourceKind kind, StoredObject old, JsonObject incoming, WriteMode mode)
    {
        var wantRv = Meta.Str(incoming, "resourceVersion");
        if (!string.IsNullOrEmpty(wantRv) && wantRv != Meta.Str(old.Object, "resourceVersion"))
        {
            throw ApiError.Conflict(kind, old.Name);
        }

        JsonObject next;
        if (mode == WriteMode.Status)
        {
            next = Meta.Clone(old.Object);
            SetOrRemove(next, "status", incoming["status"]?.DeepClone());
        }
        else
        {
            CheckTypeMeta(kind, incoming);
            next = incoming;
            if ((kind.HasStatus && mode == WriteMode.Main) || (mode == WriteMode.Admin && next["status"] is null))
            {
                SetOrRemove(next, "status", old.Object["status"]?.DeepClone());
            }

            CopySystemMetadata(old.Object, next);
            if (SpecChanged(kind, old.Object, next))
            {
                Meta.Of(next)["generation"] = (Meta.Long(Meta.Of(old.Object)["generation"]) ?? 0) + 1;
            }
        }

        ObjectDefaults.OnUpdate(kind, next);
        ApplySchemaLocked(kind, next, old.Object, mode);
        if (Meta.IsDeleting(next) && !Meta.HasFinalizers(next))
        {
            return RemoveLocked(kind, old, next, orphan: false);
        }

        Meta.Of(next)["resourceVersion"] = Meta.Str(old.Object, "resourceVersion");
        if (JsonNode.DeepEquals(next, old.Object))
        {
            // A no-op write changes nothing, bumps nothing and notifies nobody, like the real server.
            return old;
        }

        return CommitLocked(kind, next, old, WatchEvent.Modified);
    }

    private static void CheckTypeMeta(ResourceKind kind, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.ToString();
        var kindName = obj["kind"]?.ToString();
        var group = apiVersion is null ? null : apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        if (group is not null && group != kind.Group)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({kind.ApiVersion})");
        }

        if (kindName is not null && kindName != kind.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({kindName}) does not match the expected kind ({kind.Kind})");
        }

        obj["apiVersion"] = apiVersion ?? kind.ApiVersion;
        obj["kind"] = kind.Kind;
    }

    /// <summary>Fields only the server sets survive any client write.</summary>
    private static void CopySystemMetadata(JsonObject old, JsonObject next)
    {
        var from = Meta.Of(old);
        var to = Meta.Of(next);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            SetOrRemove(to, field, from[field]?.DeepClone());
        }
    }

    /// <summary>
    /// Built-ins bump generation on spec changes only; custom resources on any change outside
    /// metadata and status, as the real server does.
    /// </summary>
    private static bool SpecChanged(ResourceKind kind, JsonObject old, JsonObject next)
    {
        if (kind.BuiltIn)
        {
            return !JsonNode.DeepEquals(old["spec"], next["spec"]);
        }

        foreach (var key in old.Select(kv => kv.Key).Union(next.Select(kv => kv.Key)))
        {
            if (key is not ("metadata" or "status" or "apiVersion" or "kind") && !JsonNode.DeepEquals(old[key], next[key]))
            {
                return true;
            }
        }

        return false;
    }

    private static void SetOrRemove(JsonObject obj, string field, JsonNode? value)
    {
        if (value is null)
        {
            obj.Remove(field);
        }
        else
        {
            obj[field] = value;
        }
    }
}

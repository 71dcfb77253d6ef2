using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// The whole store as one JSON document (every object with its storage key, the resourceVersion counter, the
/// server-side-apply configurations), and back: what the sandbox keeps across restarts.
/// <para><b>Caveats:</b> watch history is not kept (a watch from before the restore gets 410 Expired and relists);
/// ServiceAccount tokens issued by <see cref="EmulatorRbac"/> are not kept.</para>
/// </summary>
internal sealed partial class ObjectStore
{
    public const string StateFormat = "addons.emulator/state-v1";

    public JsonObject SaveState()
    {
        lock (_gate)
        {
            var objects = new JsonArray();
            foreach (var (key, bucket) in _buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                foreach (var obj in bucket.Values)
                {
                    objects.Add(new JsonObject { ["storageKey"] = key, ["object"] = obj.Object.DeepClone() });
                }
            }

            var applied = new JsonObject();
            foreach (var (uid, managers) in AppliedConfigs)
            {
                applied[uid] = new JsonObject(managers.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value.DeepClone())));
            }

            return new JsonObject
            {
                ["format"] = StateFormat,
                ["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture),
                ["objects"] = objects,
                ["appliedConfigurations"] = applied,
            };
        }
    }

    /// <summary>Replaces everything with a saved state; CRDs are served again first. Throws <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public void LoadState(JsonObject state)
    {
        if (state["format"]?.ToString() != StateFormat)
        {
            throw new InvalidDataException($"not an emulator state (format is not \"{StateFormat}\")");
        }

        if (!long.TryParse(state["resourceVersion"]?.ToString(), CultureInfo.InvariantCulture, out var resourceVersion) || resourceVersion < 0
            || state["objects"] is not JsonArray objects)
        {
            throw new InvalidDataException("resourceVersion or objects missing");
        }

        var entries = objects.Select((o, i) => (o?["storageKey"]?.ToString(), o?["object"] as JsonObject) is (string key, JsonObject obj)
            ? (Key: key, Object: obj) : throw new InvalidDataException($"objects[{i}] has no storageKey or object")).ToList();
        lock (_gate)
        {
            _buckets.Clear();
            _byUid.Clear();
            _history.Clear();
            AppliedConfigs.Clear();
            foreach (var (key, obj) in entries.OrderBy(e => e.Key == CrdStorageKey ? 0 : 1))
            {
                var copy = Meta.Clone(obj);
                var rv = long.TryParse(Meta.Str(copy, "resourceVersion"), CultureInfo.InvariantCulture, out var n) ? n : resourceVersion;
                var stored = new StoredObject(copy, rv, key, Meta.Namespace(copy), Meta.Name(copy));
                if (!_buckets.TryGetValue(key, out var bucket))
                {
                    bucket = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
                    _buckets[key] = bucket;
                }

                bucket[stored.Key] = stored;
                _byUid[Meta.Str(copy, "uid") ?? stored.Key] = stored;
                if (key == CrdStorageKey)
                {
                    Registry.SetCrd(stored.Name, CrdKinds.From(copy));
                }
            }

            foreach (var (uid, managers) in state["appliedConfigurations"] as JsonObject ?? [])
            {
                AppliedConfigs[uid] = (managers as JsonObject ?? []).Where(m => m.Value is JsonObject)
                    .ToDictionary(m => m.Key, m => (JsonObject)m.Value!.DeepClone(), StringComparer.Ordinal);
            }

            _resourceVersion = resourceVersion;
            _compactedResourceVersion = resourceVersion;
        }
    }
}

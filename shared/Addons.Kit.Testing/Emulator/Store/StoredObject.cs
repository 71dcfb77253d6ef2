using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// An immutable snapshot of one object as stored. The store never mutates <see cref="Object"/> after
/// construction (writes build a new snapshot), so readers and watch streams can share it without
/// copying; the serialized form is computed once so GETs and watch fan-out don't re-serialize.
/// </summary>
internal sealed class StoredObject
{
    private byte[]? _json;

    public StoredObject(JsonObject obj, long resourceVersion, string storageKey, string ns, string name)
    {
        Object = obj;
        ResourceVersion = resourceVersion;
        StorageKey = storageKey;
        Namespace = ns;
        Name = name;
    }

    public JsonObject Object { get; }

    public long ResourceVersion { get; }

    public string StorageKey { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Key => Namespace + "/" + Name;

    public string ApiVersion => Object["apiVersion"]?.GetValue<string>() ?? "";

    /// <summary>UTF-8 JSON; lazily built and cached (benign race: both threads compute equal bytes).</summary>
    public byte[] Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(Object, JsonContext.Default.JsonObject);
}

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// One change in the store's history. <see cref="Previous"/> lets a filtered watch turn a MODIFIED
/// into ADDED/DELETED when the object enters or leaves its selector, as the real watch cache does.
/// </summary>
internal sealed record WatchEvent(string Type, StoredObject Object, StoredObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";

    public long ResourceVersion => Object.ResourceVersion;

    /// <summary>
    /// The encoded watch frame, cached so a change fanned out to many watchers is serialized once
    /// (set by the HTTP layer; only for the plain-object form in the stored version).
    /// </summary>
    public byte[]? Frame { get; set; }

    /// <summary>Set on the bookmark that ends <c>sendInitialEvents</c>.</summary>
    public bool InitialEventsEnd { get; init; }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Json;

/// <summary>Accessors for <c>metadata</c> fields of objects held as JSON.</summary>
internal static class Meta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject meta)
        {
            meta = [];
            obj["metadata"] = meta;
        }

        return meta;
    }

    public static string? Str(JsonObject obj, string field) => (obj["metadata"] as JsonObject)?[field] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static string Name(JsonObject obj) => Str(obj, "name") ?? "";

    public static string Namespace(JsonObject obj) => Str(obj, "namespace") ?? "";

    public static JsonObject? Labels(JsonObject obj) => (obj["metadata"] as JsonObject)?["labels"] as JsonObject;

    public static JsonArray? Finalizers(JsonObject obj) => (obj["metadata"] as JsonObject)?["finalizers"] as JsonArray;

    public static bool HasFinalizers(JsonObject obj) => Finalizers(obj) is { Count: > 0 };

    public static bool IsDeleting(JsonObject obj) => Str(obj, "deletionTimestamp") is not null;

    /// <summary>A number whether it was parsed (JsonElement) or set in code (int/long/double).</summary>
    public static long? Long(JsonNode? node) => node is not JsonValue v ? null
        : v.TryGetValue(out long l) ? l : v.TryGetValue(out int i) ? i : v.TryGetValue(out double d) ? (long)d : null;

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();
}

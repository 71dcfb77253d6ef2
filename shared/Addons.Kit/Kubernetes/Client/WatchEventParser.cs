using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Parses one line of a watch stream: <c>{"type":"ADDED","object":{…}}</c>.</summary>
/// <remarks>An <c>ERROR</c> event (e.g. 410 Expired) becomes a thrown <see cref="KubeApiException"/>, so
/// callers see exactly one error path for both an error response and an error inside the stream.</remarks>
internal static class WatchEventParser
{
    public static WatchEvent<T> Parse<T>(ReadOnlySpan<byte> line, JsonTypeInfo<T> info, ResourceType type)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("watch event is not a JSON object");
        }

        string? eventType = null;
        var objectStart = -1;
        var objectEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                eventType = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                objectStart = (int)reader.TokenStartIndex;
                reader.Skip();
                objectEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (eventType is null || objectStart < 0)
        {
            throw new JsonException("watch event without type or object");
        }

        var body = line[objectStart..objectEnd];
        switch (eventType)
        {
            case "ADDED":
                return Typed(WatchEventType.Added, body, info, type);
            case "MODIFIED":
                return Typed(WatchEventType.Modified, body, info, type);
            case "DELETED":
                return Typed(WatchEventType.Deleted, body, info, type);
            case "BOOKMARK":
                var meta = JsonSerializer.Deserialize(body, KubeJsonContext.Default.MetadataOnly);
                return new WatchEvent<T>(WatchEventType.Bookmark, null, meta?.Metadata?.ResourceVersion ?? "");
            case "ERROR":
                throw ToException(JsonSerializer.Deserialize(body, KubeJsonContext.Default.V1Status), type);
            default:
                throw new JsonException($"unknown watch event type '{eventType}'");
        }
    }

    private static WatchEvent<T> Typed<T>(WatchEventType kind, ReadOnlySpan<byte> body, JsonTypeInfo<T> info, ResourceType type)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var obj = JsonSerializer.Deserialize(body, info) ?? throw new JsonException("null object in watch event");
        obj.ApiVersion ??= type.ApiVersion;
        obj.Kind ??= type.Kind;
        return new WatchEvent<T>(kind, obj, obj.Metadata?.ResourceVersion ?? "");
    }

    private static KubeApiException ToException(V1Status? status, ResourceType type)
    {
        var code = status?.Code is int c && c > 0 ? (HttpStatusCode)c : HttpStatusCode.InternalServerError;
        var reason = string.IsNullOrEmpty(status?.Reason) ? code.ToString() : status.Reason;
        return new KubeApiException(code, reason, status?.Message ?? "", "watch", type.Plural);
    }
}

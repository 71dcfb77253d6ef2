using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>One page of a list response: items plus the list metadata.</summary>
internal readonly record struct ListPage<T>(List<T> Items, string ResourceVersion, string? Continue)
{
    /// <summary>Parses a <c>*List</c> envelope, deserializing each item with the caller's type info.</summary>
    public static ListPage<T> Parse(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemInfo)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        string? next = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("list response is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var item = JsonSerializer.Deserialize(ref reader, itemInfo) ?? throw new JsonException("null item in list");
                        items.Add(item);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                var meta = JsonSerializer.Deserialize(ref reader, KubeJsonContext.Default.V1ListMeta);
                resourceVersion = meta?.ResourceVersion;
                next = string.IsNullOrEmpty(meta?.ContinueProperty) ? null : meta.ContinueProperty;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ListPage<T>(items, resourceVersion ?? "", next);
    }
}

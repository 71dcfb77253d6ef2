using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Reads a <see cref="RawObject"/> keeping its JSON text; writes the text back unchanged.</summary>
internal sealed class RawObjectConverter : JsonConverter<RawObject>
{
    public override RawObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a Kubernetes object must be a JSON object");
        }

        var metadata = root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? meta.Deserialize(KubeJsonContext.Default.V1ObjectMeta) ?? new V1ObjectMeta()
            : new V1ObjectMeta();
        return new RawObject(root.GetRawText(), Text(root, "apiVersion"), Text(root, "kind"), metadata);
    }

    public override void Write(Utf8JsonWriter writer, RawObject value, JsonSerializerOptions options) => writer.WriteRawValue(value.Json);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Protobuf;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>Reading request bodies and writing JSON responses.</summary>
internal static class HttpJson
{
    public const string ContentType = "application/json";

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body, JsonContext.Default.JsonNode), ct);
    }

    public static async Task WriteAsync(HttpContext context, int status, byte[] body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiError error, CancellationToken ct)
    {
        if (error.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, error.Code, error.ToStatus(), ct);
    }

    public static async Task<string> ReadTextAsync(HttpContext context, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>A request body as an object; JSON or YAML by content type.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, CancellationToken ct)
    {
        if (IsProtobuf(context))
        {
            return await ReadProtobufAsync(context, ct);
        }

        var text = await ReadTextAsync(context, ct);
        JsonNode? node;
        try
        {
            node = context.Request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true ? YamlJson.ParseOne(text) : JsonNode.Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw ApiError.BadRequest("the object provided is unrecognized: " + e.Message);
        }

        return node as JsonObject ?? throw ApiError.BadRequest("the body of the request must be a JSON object");
    }

    public static bool IsProtobuf(HttpContext context) =>
        context.Request.ContentType?.Contains("protobuf", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// client-go's typed clients (kubectl create configmap, helm's release Secrets) send protobuf for
    /// built-in kinds; the body is decoded to the JSON it stands for.
    /// </summary>
    public static async Task<JsonObject> ReadProtobufAsync(HttpContext context, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        try
        {
            return ProtobufJson.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or IndexOutOfRangeException or ArgumentOutOfRangeException or JsonException)
        {
            throw new ApiError(415, "UnsupportedMediaType", "the emulator could not decode the protobuf body (" + e.Message + "); send application/json");
        }
    }

    /// <summary>The object as served under <paramref name="kind"/>'s version (stored once, served in every CRD version).</summary>
    public static byte[] Render(StoredObject obj, ResourceKind kind)
    {
        if (obj.ApiVersion == kind.ApiVersion)
        {
            return obj.Json;
        }

        return JsonSerializer.SerializeToUtf8Bytes(RenderNode(obj, kind), JsonContext.Default.JsonObject);
    }

    public static JsonObject RenderNode(StoredObject obj, ResourceKind kind) => View(obj.Object, kind);

    /// <summary>A stored object as <paramref name="kind"/> shows it: its apiVersion, and the events.k8s.io shape for Events.</summary>
    public static JsonObject View(JsonObject stored, ResourceKind kind)
    {
        if (EventConversion.Converts(kind))
        {
            return EventConversion.ToEventsV1(stored);
        }

        var copy = Meta.Clone(stored);
        copy["apiVersion"] = kind.ApiVersion;
        return copy;
    }
}

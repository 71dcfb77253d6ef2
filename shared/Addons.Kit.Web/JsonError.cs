using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Web;

/// <summary>
/// The one error body of every addon API: <c>{"error": "...", "status": 404}</c>, written with
/// <see cref="Utf8JsonWriter"/> (no serializer metadata needed under NativeAOT).
/// </summary>
public static class JsonError
{
    /// <summary>Writes the status and the error body, unless the response has started.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(context.Response.Body))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteNumber("status", status);
            json.WriteEndObject();
        }
    }
}

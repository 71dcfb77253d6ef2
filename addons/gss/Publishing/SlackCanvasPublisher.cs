using System.Text.Json;
using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>Replaces a Slack canvas with the Markdown report (<c>canvases.edit</c>, operation <c>replace</c>).</summary>
internal sealed class SlackCanvasPublisher(SlackHttp slack, Uri apiUrl, string token, string canvasId) : IReportPublisher
{
    public Task PublishAsync(ScanReport report, CancellationToken ct) =>
        slack.CallAsync(apiUrl, "canvases.edit", token, Body(canvasId, MarkdownReport.Render(report)), ct);

    internal static byte[] Body(string canvasId, string markdown)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("canvas_id", canvasId);
            json.WriteStartArray("changes");
            json.WriteStartObject();
            json.WriteString("operation", "replace");
            json.WriteStartObject("document_content");
            json.WriteString("type", "markdown");
            json.WriteString("markdown", markdown);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

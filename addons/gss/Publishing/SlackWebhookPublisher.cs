using System.Globalization;
using System.Text;
using System.Text.Json;
using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>
/// A Block Kit summary to an incoming webhook: a header, the totals, the scheduled workflows whose
/// last run did not succeed (at most <see cref="MaxListed"/>), failed repositories, build info.
/// </summary>
internal sealed class SlackWebhookPublisher(SlackHttp slack, Uri webhook) : IReportPublisher
{
    public const int MaxListed = 20;

    public Task PublishAsync(ScanReport report, CancellationToken ct) => slack.PostWebhookAsync(webhook, Body(report), ct);

    internal static byte[] Body(ScanReport report)
    {
        var summary = $"*{report.Workflows.Count}* scheduled workflows in {report.RepositoriesWithSchedules} repositories · " +
            $"{report.Scanned} scanned, {report.Excluded} excluded, {report.ArchivedSkipped} archived skipped, *{report.Failures.Count} failed* · {report.DurationText}";
        var attention = report.Workflows.Where(w => w.LastStatus != "success").ToList();
        var lines = new StringBuilder();
        foreach (var w in attention.Take(MaxListed))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{StatusEmoji.For(w.LastStatus)} <{w.HtmlUrl}|{Escape(w.Repository)} / {Escape(w.Name)}> `{string.Join(", ", w.UtcCrons)}` {w.LastStatus}\n");
        }

        if (attention.Count > MaxListed)
        {
            lines.Append(CultureInfo.InvariantCulture, $"… and {attention.Count - MaxListed} more\n");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("text", $"Scheduled workflows in {report.Organization}: {report.Workflows.Count} found, {report.Failures.Count} repositories failed");
            json.WriteStartArray("blocks");
            Block(json, "header", "plain_text", $"Scheduled workflows in {report.Organization}");
            Block(json, "section", "mrkdwn", summary);
            if (lines.Length > 0)
            {
                Block(json, "section", "mrkdwn", "*Not succeeding:*\n" + lines);
            }

            if (report.Failures.Count > 0)
            {
                Block(json, "section", "mrkdwn", "*Could not be scanned:*\n" + string.Join('\n', report.Failures.Take(MaxListed).Select(f => $"• {Escape(f.Repository)}: {Escape(f.Reason)}")));
            }

            json.WriteStartObject();
            json.WriteString("type", "context");
            json.WriteStartArray("elements");
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", $"gss {report.Version} (commit {report.Commit}) · times in {report.TimeZone}");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Block(Utf8JsonWriter json, string type, string textType, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteStartObject("text");
        json.WriteString("type", textType);
        json.WriteString("text", text.Length > 2900 ? text[..2900] + "…" : text);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

using System.Text;
using System.Text.Json;
using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>The full report as one indented JSON document on stdout (written with <see cref="Utf8JsonWriter"/>: no reflection).</summary>
internal sealed class JsonPublisher(TextWriter output) : IReportPublisher
{
    public async Task PublishAsync(ScanReport report, CancellationToken ct)
    {
        await output.WriteAsync(Render(report).AsMemory(), ct);
        await output.WriteAsync("\n".AsMemory(), ct);
    }

    public static string Render(ScanReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("organization", report.Organization);
            json.WriteString("timeZone", report.TimeZone);
            json.WriteString("generatedAt", report.GeneratedAt);
            json.WriteString("version", report.Version);
            json.WriteString("commit", report.Commit);
            json.WriteString("buildDate", report.BuildDate);
            json.WriteStartObject("summary");
            json.WriteNumber("repositoriesTotal", report.RepositoriesTotal);
            json.WriteNumber("excluded", report.Excluded);
            json.WriteNumber("archivedSkipped", report.ArchivedSkipped);
            json.WriteNumber("scanned", report.Scanned);
            json.WriteNumber("failed", report.Failures.Count);
            json.WriteNumber("workflowsFound", report.Workflows.Count);
            json.WriteNumber("durationSeconds", Math.Round(report.Duration.TotalSeconds, 3));
            json.WriteEndObject();
            json.WriteStartArray("workflows");
            foreach (var w in report.Workflows)
            {
                json.WriteStartObject();
                json.WriteString("repository", w.Repository);
                json.WriteString("name", w.Name);
                json.WriteNumber("id", w.Id);
                json.WriteString("path", w.Path);
                json.WriteStartArray("utcSchedules");
                w.UtcCrons.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteStartArray("localSchedules");
                foreach (var c in w.LocalCrons)
                {
                    json.WriteStartObject();
                    json.WriteString("cron", c.Expression);
                    json.WriteBoolean("utcRelative", c.UtcRelative);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("lastStatus", w.LastStatus);
                json.WriteString("lastAuthor", w.LastAuthor);
                if (w.AuthorActive is { } active)
                {
                    json.WriteBoolean("authorActive", active);
                }
                else
                {
                    json.WriteNull("authorActive");
                }

                json.WriteString("htmlUrl", w.HtmlUrl);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("failures");
            foreach (var f in report.Failures)
            {
                json.WriteStartObject();
                json.WriteString("repository", f.Repository);
                json.WriteString("reason", f.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

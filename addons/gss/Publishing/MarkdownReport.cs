using System.Globalization;
using System.Text;
using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>The Markdown report (the <c>markdown</c> publisher and the Slack canvas): title, build info, summary, one section per workflow with links and status emoji, failures.</summary>
internal static class MarkdownReport
{
    public static string Render(ScanReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Scheduled workflows in {report.Organization}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"gss {report.Version} (commit {report.Commit}, built {report.BuildDate}) · generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC · times in {report.TimeZone}\n\n");
        text.Append("## Summary\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Scheduled workflows: **{report.Workflows.Count}** in {report.RepositoriesWithSchedules} repositories\n");
        text.Append(CultureInfo.InvariantCulture, $"- Repositories: {report.RepositoriesTotal} listed, {report.Scanned} scanned, {report.Excluded} excluded, {report.ArchivedSkipped} archived skipped, **{report.Failures.Count} failed**\n");
        text.Append(CultureInfo.InvariantCulture, $"- Duration: {report.DurationText}\n\n");
        foreach (var w in report.Workflows)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {StatusEmoji.For(w.LastStatus)} {w.Repository} / {w.Name}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- Workflow: [{w.Path}]({w.HtmlUrl})\n");
            text.Append(CultureInfo.InvariantCulture, $"- Schedule (UTC): {string.Join(", ", w.UtcCrons.Select(c => "`" + c + "`"))}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Schedule ({report.TimeZone}): {string.Join(", ", w.LocalCrons.Select(c => "`" + c.Expression + "`" + (c.UtcRelative ? " (UTC-relative)" : "")))}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Last status: {StatusEmoji.For(w.LastStatus)} {w.LastStatus}\n");
            var activity = w.AuthorActive switch { true => "Active", false => "Inactive", null => "no linked account" };
            text.Append(CultureInfo.InvariantCulture, $"- Last author: {w.LastAuthor} ({activity})\n\n");
        }

        if (report.Failures.Count > 0)
        {
            text.Append("## Repositories that could not be scanned\n\n");
            foreach (var f in report.Failures)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {f.Repository}: {f.Reason}\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

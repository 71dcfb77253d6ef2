using System.Globalization;
using System.Text;
using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>
/// The original's table on stdout: a header with version, build date and commit; columns
/// <c>NO REPOSITORY WORKFLOW UTC SCHEDULE &lt;TZ&gt; SCHEDULE WORKFLOW LAST AUTHOR LAST STATUS</c> cut by
/// display width (safe for Korean and other wide text); inactive authors marked; a footer with the
/// totals, failures and the duration.
/// </summary>
internal sealed class ConsolePublisher(TextWriter output) : IReportPublisher
{
    private static readonly int[] MaxWidths = [4, 32, 32, 28, 32, 28, 16];
    private const string Inactive = " (inactive)";

    public async Task PublishAsync(ScanReport report, CancellationToken ct) =>
        await output.WriteAsync(Render(report).AsMemory(), ct);

    public static string Render(ScanReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"GitHub scheduled workflows · gss {report.Version} · built {report.BuildDate} · commit {report.Commit}\n");
        text.Append(CultureInfo.InvariantCulture, $"Organization: {report.Organization} · generated {report.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC\n\n");

        string[] header = ["NO", "REPOSITORY", "WORKFLOW", "UTC SCHEDULE", report.TimeZone + " SCHEDULE", "WORKFLOW LAST AUTHOR", "LAST STATUS"];
        var rows = report.Workflows.Select((w, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            w.Repository,
            w.Name,
            string.Join(", ", w.UtcCrons),
            string.Join(", ", w.LocalCrons.Select(c => c.ToString())),
            // The marker survives truncation: the login is cut, never "(inactive)".
            w.AuthorActive == false ? DisplayWidth.Truncate(w.LastAuthor, MaxWidths[5] - Inactive.Length) + Inactive : w.LastAuthor,
            w.LastStatus,
        }).ToList();

        var widths = new int[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            var widest = rows.Select(r => DisplayWidth.Of(r[c])).DefaultIfEmpty(0).Max();
            widths[c] = Math.Max(DisplayWidth.Of(header[c]), Math.Min(widest, MaxWidths[c]));
        }

        AppendRow(text, header, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Total: {report.Workflows.Count} scheduled workflows found in {report.Scanned} repositories ({report.Excluded} excluded)\n");
        text.Append(CultureInfo.InvariantCulture, $"Repositories: {report.RepositoriesTotal} listed, {report.ArchivedSkipped} archived skipped, {report.Scanned} scanned, {report.Failures.Count} failed\n");
        foreach (var failure in report.Failures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  FAILED {failure.Repository}: {failure.Reason}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Duration: {report.DurationText}\n");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = DisplayWidth.Truncate(cells[c], widths[c]);
            text.Append(c == cells.Length - 1 ? cell : DisplayWidth.PadRight(cell, widths[c]) + "  ");
        }

        text.Append('\n');
    }
}

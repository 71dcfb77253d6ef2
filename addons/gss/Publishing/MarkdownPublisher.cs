using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>The full report as Markdown on stdout.</summary>
internal sealed class MarkdownPublisher(TextWriter output) : IReportPublisher
{
    public async Task PublishAsync(ScanReport report, CancellationToken ct) =>
        await output.WriteAsync(MarkdownReport.Render(report).AsMemory(), ct);
}

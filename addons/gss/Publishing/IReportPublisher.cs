using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>Sends a finished report somewhere. Failures throw <see cref="PublishException"/> (exit 1).</summary>
internal interface IReportPublisher
{
    Task PublishAsync(ScanReport report, CancellationToken ct);
}

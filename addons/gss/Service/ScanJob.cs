using Addons.Gss.Configuration;
using Addons.Kit.Http;
using Addons.Kit.Jobs;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Service;

/// <summary>gss as a kit job (<c>AddJob&lt;ScanJob&gt;</c>): one <see cref="ScanRun"/>, the report on stdout, logs on stderr.</summary>
internal sealed class ScanJob(GssOptions options, OutboundHttp outbound, ILoggerFactory loggers, TimeProvider time) : IJob
{
    public Task<JobResult> RunAsync(CancellationToken cancellationToken) =>
        new ScanRun(options, outbound, loggers, time, Console.Out).RunAsync(cancellationToken);
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.LeaderElection;

internal sealed partial class ElectedLeader
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Campaigning for Lease {Namespace}/{LeaseName} as {Identity}")]
        public static partial void Campaigning(ILogger logger, string @namespace, string leaseName, string identity);
    }
}

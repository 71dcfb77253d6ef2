using Addons.Kit.Kubernetes.Helpers;
using Addons.Kit.Kubernetes.Watching;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.LeaderElection;

public sealed partial class LeaderElector
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Acquired lease {Namespace}/{Lease} as {Identity}")]
        public static partial void Acquired(ILogger logger, string @namespace, string lease, string identity);

        [LoggerMessage(2, LogLevel.Error, "Lost lease {Namespace}/{Lease}: {Reason}")]
        public static partial void Lost(ILogger logger, string @namespace, string lease, string reason);

        [LoggerMessage(3, LogLevel.Information, "Released lease {Namespace}/{Lease}")]
        public static partial void Released(ILogger logger, string @namespace, string lease);

        [LoggerMessage(4, LogLevel.Debug, "Lease {Namespace}/{Lease} attempt failed")]
        public static partial void AttemptFailed(ILogger logger, Exception exception, string @namespace, string lease);

        [LoggerMessage(5, LogLevel.Warning, "Could not release lease {Namespace}/{Lease}; a standby takes over after the lease duration")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, string @namespace, string lease);

        [LoggerMessage(6, LogLevel.Debug, "Waiting for lease {Namespace}/{Lease}, held by {Holder}")]
        public static partial void Held(ILogger logger, string @namespace, string lease, string holder);
    }
}

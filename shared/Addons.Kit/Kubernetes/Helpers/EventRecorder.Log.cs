using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Kubernetes.Helpers;

public sealed partial class EventRecorder
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not record event {Reason} for {Kind} {Namespace}/{Name}")]
        public static partial void Failed(ILogger logger, Exception exception, string reason, string? kind, string? @namespace, string? name);
    }
}

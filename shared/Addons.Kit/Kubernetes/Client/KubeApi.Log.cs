using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Kubernetes.Client;

public sealed partial class KubeApi
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "{Verb} {Resource} {Name} failed: {Code} {Reason}")]
        public static partial void RequestFailed(ILogger logger, string verb, string resource, string? name, int code, string reason);

        [LoggerMessage(2, LogLevel.Debug, "Credentials rejected (401); they will be reloaded on the next request")]
        public static partial void CredentialsRejected(ILogger logger);
    }
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.Health;

internal sealed partial class ProbeResponder
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "{Endpoint} check {Check} failed: {Reason}")]
        public static partial void CheckFailed(ILogger logger, string endpoint, string check, string reason);
    }
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.Shutdown;

public sealed partial class AddonExit
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Stopping the host after a failure: {Reason} (exit code {ExitCode})")]
        public static partial void Failing(ILogger logger, string reason, int exitCode);
    }
}

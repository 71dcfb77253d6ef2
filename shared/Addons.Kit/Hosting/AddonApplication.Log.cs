using Microsoft.Extensions.Logging;

namespace Addons.Kit.Hosting;

public sealed partial class AddonApplication
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Starting {Addon} {Version} (commit {Commit})")]
        public static partial void Starting(ILogger logger, string addon, string version, string commit);

        [LoggerMessage(2, LogLevel.Information, "{Addon} started")]
        public static partial void Started(ILogger logger, string addon);

        [LoggerMessage(3, LogLevel.Critical, "Start failed")]
        public static partial void StartFailed(ILogger logger, Exception exception);

        [LoggerMessage(4, LogLevel.Error, "Stop failed")]
        public static partial void StopFailed(ILogger logger, Exception exception);

        [LoggerMessage(6, LogLevel.Information, "{Addon} stopped while starting")]
        public static partial void StoppedDuringStart(ILogger logger, string addon);

        [LoggerMessage(5, LogLevel.Information, "{Addon} stopped, exit code {ExitCode}")]
        public static partial void Stopped(ILogger logger, string addon, int exitCode);
    }
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

internal sealed partial class ControllerHost
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Leading: running {Count} controller(s)")]
        public static partial void Leading(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Information, "Stopping controllers: no new keys; in-flight reconciles have {DrainTimeout} to finish")]
        public static partial void Draining(ILogger logger, TimeSpan drainTimeout);

        [LoggerMessage(3, LogLevel.Information, "Controllers drained")]
        public static partial void WorkersDrained(ILogger logger);

        [LoggerMessage(4, LogLevel.Information, "Watches stopped")]
        public static partial void WatchesStopped(ILogger logger);

        [LoggerMessage(5, LogLevel.Error, "A watch ended unexpectedly")]
        public static partial void WatchEnded(ILogger logger, Exception? exception);
    }
}

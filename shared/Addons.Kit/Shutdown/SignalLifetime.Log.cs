using Microsoft.Extensions.Logging;

namespace Addons.Kit.Shutdown;

internal sealed partial class SignalLifetime
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Received {Signal}: readiness off, stopping gracefully within {Timeout}")]
        public static partial void Signal(ILogger logger, string signal, TimeSpan timeout);

        [LoggerMessage(2, LogLevel.Warning, "Received {Signal} again: exiting immediately")]
        public static partial void Forced(ILogger logger, string signal);

        [LoggerMessage(3, LogLevel.Error, "Graceful stop did not finish within {Timeout}: exiting with failure")]
        public static partial void Watchdog(ILogger logger, TimeSpan timeout);
    }
}

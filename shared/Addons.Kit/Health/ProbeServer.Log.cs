using Microsoft.Extensions.Logging;

namespace Addons.Kit.Health;

internal sealed partial class ProbeServer
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Probe and metrics listener on {Address}:{Port}")]
        public static partial void Listening(ILogger logger, string address, int port);

        [LoggerMessage(2, LogLevel.Information, "Probe and metrics listener is off (Health:Port = 0)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(4, LogLevel.Warning, "Probe listener could not accept a connection ({Error}); retrying in {Pause}")]
        public static partial void AcceptFailed(ILogger logger, string error, TimeSpan pause);

        [LoggerMessage(5, LogLevel.Debug, "Probe listener full: evicted the oldest {State} connection")]
        public static partial void Evicted(ILogger logger, string state);

        [LoggerMessage(3, LogLevel.Debug, "Probe connection closed: {Cause}")]
        public static partial void ConnectionClosed(ILogger logger, string cause);
    }
}

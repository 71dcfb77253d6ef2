using Microsoft.Extensions.Logging;

namespace Addons.Kit.Web;

internal sealed partial class WebServer
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Web server listening on {Address}:{Port}")]
        public static partial void Listening(ILogger logger, string address, int port);

        [LoggerMessage(2, LogLevel.Information, "Web server: no new connections, draining in-flight requests")]
        public static partial void Draining(ILogger logger);

        [LoggerMessage(3, LogLevel.Information, "Web server stopped")]
        public static partial void Stopped(ILogger logger);
    }
}

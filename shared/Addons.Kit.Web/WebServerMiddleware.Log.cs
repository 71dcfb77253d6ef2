using Microsoft.Extensions.Logging;

namespace Addons.Kit.Web;

internal sealed partial class WebServerMiddleware
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unhandled exception answering {Method} {Route}; answered 500")]
        public static partial void Unhandled(ILogger logger, Exception exception, string method, string route);
    }
}

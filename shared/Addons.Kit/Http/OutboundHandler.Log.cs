using Microsoft.Extensions.Logging;

namespace Addons.Kit.Http;

internal sealed partial class OutboundHandler
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Target}: {Method} {Uri} got {Result}; retry {Attempt} in {Delay}")]
        public static partial void Retry(ILogger logger, string target, string method, string uri, string result, int attempt, TimeSpan delay);

        [LoggerMessage(2, LogLevel.Information, "{Target}: rate limit exhausted; {Method} {Uri} waits {Delay}")]
        public static partial void RateLimited(ILogger logger, string target, string method, string uri, TimeSpan delay);
    }
}

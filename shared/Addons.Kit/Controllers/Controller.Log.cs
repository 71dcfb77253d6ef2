using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

internal sealed partial class Controller<T>
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Controller {Controller} caches synced; starting {Workers} worker(s)")]
        public static partial void WorkersStarting(ILogger logger, string controller, int workers);

        [LoggerMessage(2, LogLevel.Information, "Controller {Controller} workers stopped")]
        public static partial void WorkersStopped(ILogger logger, string controller);

        [LoggerMessage(3, LogLevel.Error, "Controller {Controller}: reconcile of {Key} failed terminally; not retrying until it changes")]
        public static partial void Terminal(ILogger logger, string controller, string key, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Controller {Controller}: reconcile of {Key} failed (attempt {Attempt}); retrying with backoff")]
        public static partial void Failed(ILogger logger, string controller, string key, int attempt, Exception exception);

        [LoggerMessage(5, LogLevel.Warning, "Controller {Controller}: reconcile of {Key} cancelled at the drain deadline")]
        public static partial void CancelledAtDeadline(ILogger logger, string controller, string key);
    }
}

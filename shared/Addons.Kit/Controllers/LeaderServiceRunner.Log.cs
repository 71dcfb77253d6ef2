using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

internal static partial class LeaderServiceRunner
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Starting leader work {Name}")]
        public static partial void Starting(ILogger logger, string name);

        [LoggerMessage(2, LogLevel.Error, "Leader work {Name} failed")]
        public static partial void Failed(ILogger logger, string name, Exception exception);

        [LoggerMessage(3, LogLevel.Information, "Leader work {Name} returned (stopping: {Stopping})")]
        public static partial void Returned(ILogger logger, string name, bool stopping);
    }
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.Jobs;

internal sealed partial class JobRunner
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Running job {Job}")]
        public static partial void Running(ILogger logger, string job);

        [LoggerMessage(2, LogLevel.Information, "Job succeeded")]
        public static partial void Succeeded(ILogger logger);

        [LoggerMessage(3, LogLevel.Error, "Job threw")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

using Microsoft.Extensions.Logging;

namespace Addons.Kit.Hosting;

internal sealed partial class StartupMemoryTrim
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Start-up garbage collected: {BeforeKb} KB -> {AfterKb} KB")]
        public static partial void Trimmed(ILogger logger, long beforeKb, long afterKb);
    }
}

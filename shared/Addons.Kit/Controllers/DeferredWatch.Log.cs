using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

internal sealed partial class DeferredWatch<TOther>
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cannot resolve the resource type of the {Kind} watch; retrying in {Delay}: {Error}")]
        public static partial void ResolveFailed(ILogger logger, string kind, TimeSpan delay, string error);

        [LoggerMessage(2, LogLevel.Information, "Watching {Kind} as {Group}/{Version} {Plural}")]
        public static partial void Resolved(ILogger logger, string kind, string group, string version, string plural);
    }
}

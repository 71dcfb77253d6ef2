using Addons.Kit.Kubernetes.Helpers;
using Addons.Kit.LeaderElection;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Kubernetes.Watching;

public sealed partial class Watcher<T>
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Listed {Count} {Resource} at resourceVersion {ResourceVersion}")]
        public static partial void Listed(ILogger logger, int count, string resource, string resourceVersion);

        [LoggerMessage(2, LogLevel.Information, "Watch of {Resource} expired at resourceVersion {ResourceVersion} (410 Gone); relisting")]
        public static partial void Gone(ILogger logger, string resource, string? resourceVersion);

        [LoggerMessage(5, LogLevel.Warning, "Watch of {Resource} failed; retrying in {Delay}")]
        public static partial void Failed(ILogger logger, Exception exception, string resource, TimeSpan delay);

        // Expected failures (the server said no, sent garbage, timed out, could not be reached) are one line: their
        // message says everything and a stack trace would only bury it.
        [LoggerMessage(3, LogLevel.Warning, "Watch of {Resource} failed: {Error}; retrying in {Delay}")]
        public static partial void FailedExpected(ILogger logger, string resource, string error, TimeSpan delay);

        [LoggerMessage(4, LogLevel.Debug, "Watch of {Resource} ended at resourceVersion {ResourceVersion}; resuming")]
        public static partial void Ended(ILogger logger, string resource, string? resourceVersion);
    }
}

using Addons.Kit.Shutdown;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Jobs;

/// <summary>
/// Runs the registered <see cref="IJob"/> once the host has started, then stops the host with the
/// job's exit code: 0 succeeded, 1 failed (also: threw, or was stopped by a signal before it finished), 3 partial.
/// </summary>
internal sealed partial class JobRunner(IJob job, AddonExit exit, ILogger<JobRunner> logger, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait until every hosted service has started (probe listener included) before the work begins.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                exit.Fail("stopped before the job started");
                return;
            }
        }

        JobResult result;
        try
        {
            LogRunning(logger, job.GetType().Name);
            result = await job.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            exit.Fail("stopped before the job finished");
            return;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            exit.Fail("the job failed: " + ex.GetType().Name);
            return;
        }

        if (result == JobResult.Succeeded)
        {
            LogSucceeded(logger);
            exit.Stop();
        }
        else
        {
            exit.Fail(result == JobResult.Partial ? "the job finished partially" : "the job failed", (int)result);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Running job {Job}")]
    private static partial void LogRunning(ILogger logger, string job);

    [LoggerMessage(2, LogLevel.Information, "Job succeeded")]
    private static partial void LogSucceeded(ILogger logger);

    [LoggerMessage(3, LogLevel.Error, "Job threw")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

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
            Log.Running(logger, job.GetType().Name);
            result = await job.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            exit.Fail("stopped before the job finished");
            return;
        }
        catch (Exception ex)
        {
            Log.Failed(logger, ex);
            exit.Fail("the job failed: " + ex.GetType().Name);
            return;
        }

        if (result == JobResult.Succeeded)
        {
            Log.Succeeded(logger);
            exit.Stop();
        }
        else
        {
            exit.Fail(result == JobResult.Partial ? "the job finished partially" : "the job failed", (int)result);
        }
    }
}

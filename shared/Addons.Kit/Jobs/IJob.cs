namespace Addons.Kit.Jobs;

/// <summary>Work that runs once per process (a CronJob, <c>--cleanup-mode once</c>); registered with <c>AddJob</c>.</summary>
public interface IJob
{
    /// <summary>Runs the job. Its result is the exit code (0, 1 or 3); an exception is a failure (exit 1).</summary>
    /// <param name="cancellationToken">Cancelled when the process is asked to stop (SIGTERM, SIGINT).</param>
    Task<JobResult> RunAsync(CancellationToken cancellationToken);
}

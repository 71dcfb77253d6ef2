namespace Addons.Kit.Jobs;

/// <summary>How a run-once job ended; the value is the process exit code.</summary>
public enum JobResult
{
    /// <summary>Everything was done: exit code 0.</summary>
    Succeeded = 0,

    /// <summary>The job failed (nothing useful was produced, or publishing it failed): exit code 1.</summary>
    Failed = 1,

    /// <summary>The job finished, but part of the work could not be done (e.g. some repositories not scanned): exit code 3.</summary>
    Partial = 3,
}

namespace Addons.Kit.Controllers;

/// <summary>A controller as the host runs it, independent of its object type.</summary>
internal interface IControllerRunner
{
    /// <summary>The controller's name.</summary>
    string Name { get; }

    /// <summary>True once all of its watches have synced.</summary>
    bool HasSynced { get; }

    /// <summary>A reconcile running longer than this means the workers are wedged (liveness fails).</summary>
    TimeSpan StuckAfter { get; }

    /// <summary>How long the longest reconcile in flight has been running (zero when none is).</summary>
    TimeSpan OldestReconcile { get; }

    /// <summary>
    /// Runs the watches until <paramref name="cancellationToken"/> is cancelled, or until one of them ends
    /// on its own (then the others are stopped and that one's exception, if any, is rethrown).
    /// </summary>
    Task RunWatchesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the caches, then reconciles until <paramref name="intake"/> is cancelled; returns when
    /// in-flight reconciles are done. <paramref name="drain"/> is what reconciles see cancelled.
    /// </summary>
    Task RunWorkersAsync(CancellationToken intake, CancellationToken drain);
}

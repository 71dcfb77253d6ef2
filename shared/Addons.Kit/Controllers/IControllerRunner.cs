namespace Addons.Kit.Controllers;

/// <summary>A controller as the host runs it, independent of its object type.</summary>
internal interface IControllerRunner
{
    /// <summary>The controller's name.</summary>
    string Name { get; }

    /// <summary>True once all of its watches have synced.</summary>
    bool HasSynced { get; }

    /// <summary>Runs the watches until <paramref name="cancellationToken"/> is cancelled.</summary>
    Task RunWatchesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the caches, then reconciles until <paramref name="intake"/> is cancelled; returns when
    /// in-flight reconciles are done. <paramref name="drain"/> is what reconciles see cancelled.
    /// </summary>
    Task RunWorkersAsync(CancellationToken intake, CancellationToken drain);
}

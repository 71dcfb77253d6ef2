namespace Addons.Kit.Controllers;

/// <summary>A running watch as the controller host sees it: run it, wait for its first sync.</summary>
internal interface IWatchSource
{
    /// <summary>True once the initial list is cached and delivered.</summary>
    bool HasSynced { get; }

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

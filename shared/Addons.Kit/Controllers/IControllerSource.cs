namespace Addons.Kit.Controllers;

/// <summary>
/// What a controller needs from a watch: run it, know when it has synced, read the cache, hear of
/// changes. <see cref="InformerSource{T}"/> adapts the kit's informer; tests use an in-memory source.
/// </summary>
/// <typeparam name="T">The watched kind.</typeparam>
internal interface IControllerSource<T>
    where T : class
{
    /// <summary>True once the initial list is cached and delivered.</summary>
    bool HasSynced { get; }

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>The cached object for <c>namespace/name</c>, or null.</summary>
    T? GetByKey(string key);

    /// <summary>Subscribes to changes; must be called before <see cref="RunAsync"/>.</summary>
    void Subscribe(ISourceObserver<T> observer);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

using Addons.Kit.Kubernetes.Client;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>A <see cref="Watcher{T}"/> plus its <see cref="Store{T}"/> plus change callbacks: what controllers and
/// readiness build on.</summary>
/// <remarks>
/// Usage: create, <see cref="AddHandler"/> the handlers, then run <see cref="RunAsync"/> for the life of the host
/// (it returns when the token is cancelled). <see cref="HasSynced"/> turns true once the initial list has been
/// delivered to every handler — use it for <c>/readyz</c>. Guarantees of <see cref="Watcher{T}"/> apply.
/// </remarks>
public sealed class Informer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Watcher<T> watcher;
    private readonly List<IObjectEventHandler<T>> handlers = [];
    private int started;

    /// <summary>Creates the informer (nothing runs until <see cref="RunAsync"/>).</summary>
    public Informer(ResourceClient<T> client, WatcherOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        watcher = new Watcher<T>(client, options, logger, timeProvider);
    }

    /// <summary>The cache: keyed <c>namespace/name</c>, current as of the last event delivered.</summary>
    public Store<T> Store => watcher.Store;

    /// <summary>True once the initial list is cached and delivered to the handlers.</summary>
    public bool HasSynced => watcher.Store.HasSynced;

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => watcher.Store.WaitForSyncAsync(cancellationToken);

    /// <summary>Adds a handler. Must be called before <see cref="RunAsync"/>.</summary>
    public void AddHandler(IObjectEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Volatile.Read(ref started) != 0)
        {
            throw new InvalidOperationException("handlers must be added before the informer runs");
        }

        handlers.Add(handler);
    }

    /// <summary>Lists, watches and dispatches until <paramref name="cancellationToken"/> is cancelled (then returns normally).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("an informer runs once");
        }

        try
        {
            await foreach (var change in watcher.RunAsync(cancellationToken))
            {
                Dispatch(change);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of an informer.
            return;
        }
    }

    private void Dispatch(WatcherEvent<T> change)
    {
        foreach (var handler in handlers)
        {
            switch (change.Type)
            {
                case WatchEventType.Added:
                    handler.OnAdded(change.Object);
                    break;
                case WatchEventType.Modified:
                    handler.OnUpdated(change.Previous ?? change.Object, change.Object);
                    break;
                case WatchEventType.Deleted:
                    handler.OnDeleted(change.Object);
                    break;
                default:
                    break;
            }
        }
    }
}

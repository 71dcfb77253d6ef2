using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

/// <summary>
/// A secondary watch whose resource type is known only at run time (the served version of a custom resource,
/// found by discovery): the type is resolved when the watch starts, then the watch runs as any other.
/// </summary>
/// <remarks>
/// Guarantees: a failed resolution (discovery unreachable, forbidden, the resource not served yet) is logged in
/// one line and retried with the watcher's backoff (800 ms → 30 s with jitter) until it succeeds or the watch is
/// stopped; until then the watch is not synced, so readiness stays false and no reconcile starts.
/// </remarks>
internal sealed partial class DeferredWatch<TOther> : IWatchSource
    where TOther : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Func<CancellationToken, Task<ResourceType>> _resolve;
    private readonly Func<ResourceType, IWatchSource> _create;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<IWatchSource> _watch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeferredWatch(Func<CancellationToken, Task<ResourceType>> resolve, Func<ResourceType, IWatchSource> create, TimeProvider time, ILogger logger)
    {
        _resolve = resolve;
        _create = create;
        _time = time;
        _logger = logger;
    }

    public bool HasSynced => _watch.Task.IsCompletedSuccessfully && _watch.Task.Result.HasSynced;

    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        var watch = await _watch.Task.WaitAsync(cancellationToken);
        await watch.WaitForSyncAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(new BackoffOptions(), _time);
        ResourceType? type = null;
        while (type is null)
        {
            try
            {
                type = await _resolve(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Reported and retried, like a watch that cannot list: the replica stays unready meanwhile.
                var delay = backoff.Next();
                Log.ResolveFailed(_logger, typeof(TOther).Name, delay, e.Message.ReplaceLineEndings(" "));
                try
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        Log.Resolved(_logger, typeof(TOther).Name, type.Group, type.Version, type.Plural);
        var watch = _create(type);
        _watch.SetResult(watch);
        await watch.RunAsync(cancellationToken);
    }
}

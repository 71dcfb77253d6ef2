using Addons.Kit.Kubernetes.Watching;
using k8s;
using k8s.Models;

namespace Addons.Kit.Controllers;

/// <summary>
/// A watch on another kind whose changes queue keys of the controller's kind, through a mapping
/// function (owner references, labels, a lookup).
/// </summary>
internal sealed class SecondaryWatch<TOther> : IWatchSource, IObjectEventHandler<TOther>
    where TOther : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<TOther> _informer;
    private readonly Func<TOther, IEnumerable<ObjectKey>> _map;
    private readonly Action<string> _enqueue;

    public SecondaryWatch(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map, Action<string> enqueue)
    {
        _informer = informer;
        _map = map;
        _enqueue = enqueue;
        informer.AddHandler(this);
    }

    public bool HasSynced => _informer.HasSynced;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informer.WaitForSyncAsync(cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken) => _informer.RunAsync(cancellationToken);

    public void OnAdded(TOther obj) => Enqueue(obj);

    // Both states: a changed owner reference or label must reach the old target and the new one.
    public void OnUpdated(TOther oldObj, TOther newObj)
    {
        Enqueue(oldObj);
        Enqueue(newObj);
    }

    public void OnDeleted(TOther obj) => Enqueue(obj);

    private void Enqueue(TOther obj)
    {
        foreach (var key in _map(obj))
        {
            _enqueue(key.ToString());
        }
    }
}

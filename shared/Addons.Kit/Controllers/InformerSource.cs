using Addons.Kit.Kubernetes.Watching;
using k8s;
using k8s.Models;

namespace Addons.Kit.Controllers;

/// <summary>Adapts the kit's <see cref="Informer{T}"/> to what a controller consumes.</summary>
internal sealed class InformerSource<T> : IControllerSource<T>, IWatchSource, IObjectEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<T> _informer;
    private readonly List<ISourceObserver<T>> _observers = [];

    public InformerSource(Informer<T> informer)
    {
        _informer = informer;
        informer.AddHandler(this);
    }

    public bool HasSynced => _informer.HasSynced;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _informer.WaitForSyncAsync(cancellationToken);

    public T? GetByKey(string key) => _informer.Store.GetByKey(key);

    public void Subscribe(ISourceObserver<T> observer) => _observers.Add(observer);

    public Task RunAsync(CancellationToken cancellationToken) => _informer.RunAsync(cancellationToken);

    public void OnAdded(T obj) => _observers.ForEach(o => o.OnUpserted(obj));

    public void OnUpdated(T oldObj, T newObj) => _observers.ForEach(o => o.OnUpserted(newObj));

    public void OnDeleted(T obj) => _observers.ForEach(o => o.OnDeleted(obj));
}

using System.Collections.Concurrent;
using Addons.Kit.Controllers;

namespace Addons.Kit.Tests.Controllers;

/// <summary>An in-memory controller source: the test upserts and deletes objects by key.</summary>
internal sealed class FakeSource<T> : IControllerSource<T>, IWatchSource
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _objects = new();
    private readonly List<ISourceObserver<T>> _observers = [];
    private readonly Func<T, string> _keyOf;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeSource(Func<T, string> keyOf) => _keyOf = keyOf;

    public bool HasSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public T? GetByKey(string key) => _objects.TryGetValue(key, out var obj) ? obj : null;

    public void Subscribe(ISourceObserver<T> observer) => _observers.Add(observer);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _synced.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Upsert(T obj)
    {
        _objects[_keyOf(obj)] = obj;
        _observers.ForEach(o => o.OnUpserted(obj));
    }

    public void Delete(string key)
    {
        if (_objects.TryRemove(key, out var obj))
        {
            _observers.ForEach(o => o.OnDeleted(obj));
        }
    }
}

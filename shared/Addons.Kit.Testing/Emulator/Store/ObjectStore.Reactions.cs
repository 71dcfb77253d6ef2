namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// Simulated controllers (workloads, Karpenter) react to committed changes, inside the store lock: each
/// change is queued, and the outermost commit drains the queue one reaction at a time, so a reaction's
/// own writes queue further reactions instead of running inside each other. Reactions converge because
/// no-op writes commit nothing.
/// </summary>
internal sealed partial class ObjectStore
{
    private const int MaxReactionsPerWrite = 100_000;
    private readonly List<Action<WatchEvent>> _reactors = [];
    private readonly Queue<WatchEvent> _pendingReactions = new();
    private bool _reacting;

    /// <summary>Adds a reactor; it runs under the store lock and may write through the store's public methods.</summary>
    public void AddReactor(Action<WatchEvent> reactor)
    {
        lock (_gate)
        {
            _reactors.Add(reactor);
        }
    }

    /// <summary>Runs <paramref name="action"/> under the store lock, then drains the reactions its writes queued.</summary>
    public void Run(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    private void QueueReactionsLocked(WatchEvent change)
    {
        if (_reactors.Count == 0)
        {
            return;
        }

        _pendingReactions.Enqueue(change);
        if (_reacting)
        {
            return;
        }

        _reacting = true;
        try
        {
            var steps = 0;
            while (_pendingReactions.TryDequeue(out var next) && steps++ < MaxReactionsPerWrite)
            {
                foreach (var reactor in _reactors)
                {
                    try
                    {
                        reactor(next);
                    }
                    catch (ApiError)
                    {
                        // A controller's write that the API refuses is retried on the next change, as a real one would.
                    }
                }
            }
        }
        finally
        {
            _pendingReactions.Clear();
            _reacting = false;
        }
    }
}

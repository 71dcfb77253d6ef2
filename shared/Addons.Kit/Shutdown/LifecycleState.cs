namespace Addons.Kit.Shutdown;

/// <summary>
/// Where the host is in its life: started, stopping. Readiness reads it, so it flips the moment a
/// stop signal arrives, before any component has begun to stop.
/// </summary>
/// <remarks>Guarantees: once <see cref="IsStopping"/> is true it never turns false again.</remarks>
public sealed class LifecycleState
{
    private int _started;
    private int _stopping;
    private readonly CancellationTokenSource _stoppingSource = new();

    /// <summary>True once every hosted service has started.</summary>
    public bool IsStarted => Volatile.Read(ref _started) == 1;

    /// <summary>True from the first stop request (signal, lost lease, failure) on.</summary>
    public bool IsStopping => Volatile.Read(ref _stopping) == 1;

    /// <summary>Cancelled when stopping begins.</summary>
    public CancellationToken Stopping => _stoppingSource.Token;

    internal void MarkStarted() => Volatile.Write(ref _started, 1);

    /// <summary>Marks the host as stopping; returns true for the first caller only.</summary>
    internal bool MarkStopping()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return false;
        }

        _stoppingSource.Cancel();
        return true;
    }
}

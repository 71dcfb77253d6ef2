using Addons.Kit.Metrics;

namespace Addons.Kit.Controllers;

/// <summary>
/// The controller's queue of keys, with client-go workqueue semantics.
/// </summary>
/// <remarks>
/// Guarantees:
/// <list type="bullet">
/// <item>a key is handed out to at most one worker at a time (per-key exclusivity);</item>
/// <item>a key added while it waits is queued once (de-duplication);</item>
/// <item>a key added while it is processed is handed out again after <see cref="Done"/>;</item>
/// <item>a delayed add keeps the earliest requested time;</item>
/// <item>keys are handed out in the order they became ready.</item>
/// </list>
/// Thread-safe. Delays use the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class WorkQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _queue = new();
    private readonly Dictionary<string, long> _dirty = [];       // queued or re-added while processing → when added
    private readonly Dictionary<string, long> _processing = [];  // handed out → when
    private readonly Dictionary<string, Delayed> _waiting = [];  // delayed adds → due time and timer
    private readonly SemaphoreSlim _ready = new(0);               // one permit per key in _queue
    private readonly TimeProvider _time;
    private readonly RetryRateLimiter _limiter;
    private readonly WorkQueueMetrics? _metrics;
    private bool _disposed;

    public WorkQueue(TimeProvider time, RetryRateLimiter limiter, WorkQueueMetrics? metrics = null)
    {
        _time = time;
        _limiter = limiter;
        _metrics = metrics;
    }

    /// <summary>Keys waiting to be handed out (not those being processed or delayed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>How many keys wait for a delayed add (requeue-after or retry backoff).</summary>
    public int DelayedCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="key"/> now.</summary>
    public void Add(string key)
    {
        lock (_gate)
        {
            if (_disposed || _dirty.ContainsKey(key))
            {
                return;
            }

            _metrics?.Adds.Inc();
            _dirty[key] = _time.GetTimestamp();
            if (_processing.ContainsKey(key))
            {
                return;
            }

            Enqueue(key);
        }

        _ready.Release();
    }

    /// <summary>Queues <paramref name="key"/> after <paramref name="delay"/>; an earlier pending time wins.</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            // The entry is published only once its timer exists, so Dispose never meets a half-built one.
            // Timers cannot wait longer than MaxTimerDelay; a later due time fires early and is simply
            // reconciled early (level-based), which is safe.
            var entry = new Delayed(due);
            entry.Timer = _time.CreateTimer(static state => ((Fire)state!).Run(), new Fire(this, key, entry),
                delay < MaxTimerDelay ? delay : MaxTimerDelay, Timeout.InfiniteTimeSpan);
            _waiting[key] = entry;
        }
    }

    /// <summary>Queues <paramref name="key"/> after its retry backoff and counts a retry.</summary>
    public void AddRateLimited(string key)
    {
        _metrics?.Retries.Inc();
        AddAfter(key, _limiter.When(key));
    }

    /// <summary>Resets <paramref name="key"/>'s retry backoff (after a success or a terminal error).</summary>
    public void Forget(string key) => _limiter.Forget(key);

    /// <summary>How many times <paramref name="key"/> has been retried since it was last forgotten.</summary>
    public int Retries(string key) => _limiter.Failures(key);

    /// <summary>Waits for the next ready key and marks it as being processed; call <see cref="Done"/> after.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        lock (_gate)
        {
            var key = _queue.Dequeue();
            _metrics?.Depth.Dec();
            var now = _time.GetTimestamp();
            if (_dirty.Remove(key, out var added))
            {
                _metrics?.QueueDuration.Observe(_time.GetElapsedTime(added, now).TotalSeconds);
            }

            _processing[key] = now;
            return key;
        }
    }

    /// <summary>Marks <paramref name="key"/> as processed; re-queues it if it was added meanwhile.</summary>
    public void Done(string key)
    {
        lock (_gate)
        {
            if (_processing.Remove(key, out var started))
            {
                _metrics?.WorkDuration.Observe(_time.GetElapsedTime(started).TotalSeconds);
            }

            if (_disposed || !_dirty.ContainsKey(key))
            {
                return;
            }

            Enqueue(key);
        }

        _ready.Release();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var pending in _waiting.Values)
            {
                pending.Timer.Dispose();
            }

            _waiting.Clear();
        }
    }

    private void Enqueue(string key)
    {
        _queue.Enqueue(key);
        _metrics?.Depth.Inc();
    }

    private void OnDue(string key, Delayed entry)
    {
        lock (_gate)
        {
            // A timer replaced by an earlier one may still fire; only the current entry counts.
            if (!_waiting.TryGetValue(key, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _waiting.Remove(key);
            entry.Timer.Dispose();
        }

        Add(key);
    }

    /// <summary>The longest due time a timer accepts (2^32 − 2 ms, about 49.7 days).</summary>
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private sealed class Delayed(DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }

    private sealed record Fire(WorkQueue Queue, string Key, Delayed Entry)
    {
        public void Run() => Queue.OnDue(Key, Entry);
    }
}

using System.Collections.Concurrent;
using Addons.Kit.Metrics;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Addons.Kit.Controllers;

/// <summary>
/// Wires a primary source (and secondary watches) to a work queue and an <see cref="IReconciler{T}"/>.
/// </summary>
/// <remarks>
/// Guarantees: see <see cref="WorkQueue"/> (exclusivity, de-duplication) and <see cref="IReconciler{T}"/>
/// (errors, deletion). Stop is two-phase so the host can order it: <see cref="RunWorkersAsync"/>
/// stops taking keys when its intake token is cancelled and returns once in-flight reconciles are done
/// (they see their token cancelled only at the drain deadline); the watches keep running until
/// their own token is cancelled afterwards.
/// </remarks>
internal sealed partial class Controller<T> : ISourceObserver<T>, IControllerRunner, IDisposable
    where T : class
{
    private readonly IControllerSource<T> _primary;
    private readonly IReadOnlyList<IWatchSource> _secondaries;
    private readonly IReconciler<T> _reconciler;
    private readonly Func<T, string> _keyOf;
    private readonly int _workers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WorkQueue _queue;
    private readonly ConcurrentDictionary<string, T> _tombstones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _inFlight = new(StringComparer.Ordinal);
    private readonly Counter.Child _success;
    private readonly Counter.Child _error;
    private readonly Counter.Child _requeue;
    private readonly Counter.Child _requeueAfter;

    public Controller(
        string name,
        IControllerSource<T> primary,
        IReadOnlyList<IWatchSource> secondaries,
        IReconciler<T> reconciler,
        Func<T, string> keyOf,
        int maxConcurrentReconciles,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrentReconciles);
        Name = name;
        _primary = primary;
        _secondaries = secondaries;
        _reconciler = reconciler;
        _keyOf = keyOf;
        _workers = maxConcurrentReconciles;
        _time = time;
        _logger = logger;
        _queue = new WorkQueue(time, new RetryRateLimiter(time), new WorkQueueMetrics(name));
        _success = ControllerRuntimeMetrics.ReconcileTotal.WithLabels(name, "success");
        _error = ControllerRuntimeMetrics.ReconcileTotal.WithLabels(name, "error");
        _requeue = ControllerRuntimeMetrics.ReconcileTotal.WithLabels(name, "requeue");
        _requeueAfter = ControllerRuntimeMetrics.ReconcileTotal.WithLabels(name, "requeue_after");
        ControllerRuntimeMetrics.MaxConcurrentReconciles.WithLabels(name).Set(maxConcurrentReconciles);
        ControllerRuntimeMetrics.ActiveWorkers.WithLabels(name).Set(0);
        primary.Subscribe(this);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool HasSynced => _primary.HasSynced && _secondaries.All(s => s.HasSynced);

    /// <summary>The queue, for secondary watches and tests.</summary>
    internal WorkQueue Queue => _queue;

    /// <inheritdoc />
    public async Task RunWatchesAsync(CancellationToken cancellationToken)
    {
        // One watch ending on its own (a handler exception, a non-retryable error) must not hide behind the
        // others still running: stop them all and report it.
        using var all = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] watches = [.. _secondaries.Select(s => s.RunAsync(all.Token)).Prepend(_primary.RunAsync(all.Token))];
        var first = await Task.WhenAny(watches);
        await all.CancelAsync();
        try
        {
            await Task.WhenAll(watches);
        }
        catch (Exception) when (!first.IsCompletedSuccessfully)
        {
            // The first failure is the one reported, below.
        }

        await first;
    }

    /// <inheritdoc />
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <inheritdoc />
    public TimeSpan OldestReconcile
    {
        get
        {
            var oldest = TimeSpan.Zero;
            foreach (var started in _inFlight.Values)
            {
                var age = _time.GetElapsedTime(started);
                oldest = age > oldest ? age : oldest;
            }

            return oldest;
        }
    }

    /// <inheritdoc />
    public async Task RunWorkersAsync(CancellationToken intake, CancellationToken drain)
    {
        try
        {
            await _primary.WaitForSyncAsync(intake);
            foreach (var secondary in _secondaries)
            {
                await secondary.WaitForSyncAsync(intake);
            }
        }
        catch (OperationCanceledException) when (intake.IsCancellationRequested)
        {
            // Stopped before the caches synced: no reconcile ever started, nothing to drain.
            return;
        }

        Log.WorkersStarting(_logger, Name, _workers);
        await Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => WorkerAsync(intake, drain)));
        Log.WorkersStopped(_logger, Name);
    }

    /// <summary>Queues a key (secondary watches use it).</summary>
    public void Enqueue(string key) => _queue.Add(key);

    public void OnUpserted(T obj)
    {
        var key = _keyOf(obj);
        _tombstones.TryRemove(key, out _);
        _queue.Add(key);
    }

    public void OnDeleted(T lastKnown)
    {
        var key = _keyOf(lastKnown);
        _tombstones[key] = lastKnown;
        _queue.Add(key);
    }

    private async Task WorkerAsync(CancellationToken intake, CancellationToken drain)
    {
        // Leave the caller's context at once: workers are long-running loops.
        await Task.Yield();
        while (true)
        {
            string key;
            try
            {
                key = await _queue.TakeAsync(intake);
            }
            catch (OperationCanceledException) when (intake.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await ReconcileAsync(key, drain);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    public void Dispose() => _queue.Dispose();
}

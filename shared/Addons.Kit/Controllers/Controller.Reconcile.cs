using Addons.Kit.Metrics;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Controllers;

/// <summary>One reconcile: look the key up, call the reconciler, turn the outcome into queue actions and metrics.</summary>
internal sealed partial class Controller<T>
{
    private async Task ReconcileAsync(string key, CancellationToken drain)
    {
        var reconcileId = Guid.NewGuid().ToString("N")[..12];
        using var scope = _logger.BeginScope(new ReconcileScope(Name, key, reconcileId));
        var started = _time.GetTimestamp();
        _inFlight[key] = started;
        ControllerRuntimeMetrics.ActiveWorkers.WithLabels(Name).Inc();
        try
        {
            var result = await InvokeAsync(key, drain);
            _queue.Forget(key);
            switch (result.RequeueAfter)
            {
                case null:
                    _success.Inc();
                    break;
                case { } after when after > TimeSpan.Zero:
                    _requeueAfter.Inc();
                    _queue.AddAfter(key, after);
                    break;
                default:
                    _requeue.Inc();
                    _queue.AddRateLimited(key);
                    break;
            }
        }
        catch (TerminalReconcileException ex)
        {
            _queue.Forget(key);
            CountError(terminal: true);
            Log.Terminal(_logger, Name, key, ex);
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // The drain deadline passed during a stop: the key is picked up again by the next leader's relist.
            CountError(terminal: false);
            Log.CancelledAtDeadline(_logger, Name, key);
        }
        catch (Exception ex)
        {
            CountError(terminal: false);
            var retries = _queue.Retries(key);
            _queue.AddRateLimited(key);
            Log.Failed(_logger, Name, key, retries + 1, ex);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
            ControllerRuntimeMetrics.ActiveWorkers.WithLabels(Name).Dec();
            ControllerRuntimeMetrics.ReconcileTime.WithLabels(Name).Observe(_time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private Task<ReconcileResult> InvokeAsync(string key, CancellationToken drain)
    {
        var obj = _primary.GetByKey(key);
        if (obj is not null)
        {
            return _reconciler.ReconcileAsync(obj, drain);
        }

        _tombstones.TryRemove(key, out var lastKnown);
        return _reconciler.ReconcileDeletedAsync(ObjectKey.Parse(key), lastKnown, drain);
    }

    private void CountError(bool terminal)
    {
        _error.Inc();
        ControllerRuntimeMetrics.ReconcileErrors.WithLabels(Name).Inc();
        if (terminal)
        {
            ControllerRuntimeMetrics.TerminalReconcileErrors.WithLabels(Name).Inc();
        }
    }
}

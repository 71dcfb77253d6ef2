using Addons.Kit.Health;
using Addons.Kit.LeaderElection;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Controllers;

/// <summary>
/// Runs every registered controller as leader-only work and orders their stop: stop taking keys →
/// in-flight reconciles finish (cancelled only at <see cref="ShutdownOptions.DrainTimeout"/>) →
/// watches stop → (the lease is released by the leader work runner) → return.
/// </summary>
/// <remarks>
/// Readiness: each controller adds <c>controller/&lt;name&gt;</c>, passing once its caches synced —
/// or while this replica is a standby, so rolling updates of standbys are not blocked.
/// A watch that ends by itself is a runtime failure: the host stops with exit code 1.
/// </remarks>
internal sealed partial class ControllerHost : BackgroundService
{
    private readonly IEnumerable<ControllerRegistration> _registrations;
    private readonly IEnumerable<LeaderServiceRegistration> _leaderServices;
    private readonly IServiceProvider _services;
    private readonly ILeaderWork _leader;
    private readonly HealthRegistry _health;
    private readonly IOptions<ShutdownOptions> _shutdown;
    private readonly AddonExit _exit;
    private readonly TimeProvider _time;
    private readonly ILogger<ControllerHost> _logger;
    private IReadOnlyList<IControllerRunner> _controllers = [];
    private IReadOnlyList<(string Name, ILeaderService Service)> _leaderWork = [];

    public ControllerHost(
        IEnumerable<ControllerRegistration> registrations,
        IEnumerable<LeaderServiceRegistration> leaderServices,
        IServiceProvider services,
        ILeaderWork leader,
        HealthRegistry health,
        IOptions<ShutdownOptions> shutdown,
        AddonExit exit,
        TimeProvider time,
        ILogger<ControllerHost> logger)
    {
        _registrations = registrations;
        _leaderServices = leaderServices;
        _services = services;
        _leader = leader;
        _health = health;
        _shutdown = shutdown;
        _exit = exit;
        _time = time;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Built here, not in ExecuteAsync, so a bad kubeconfig fails the start (exit 2), not a loop.
        _controllers = [.. _registrations.Select(r => r.Create(_services))];
        _leaderWork = [.. _leaderServices.Select(r => (r.Name, r.Create(_services)))];
        foreach (var controller in _controllers)
        {
            // A standby behind another replica's Lease is ready; the leader once its caches are synced; a replica
            // that has not yet learnt which it is, is not (it may be about to lead with empty caches).
            _health.Add(HealthCheckKind.Readiness, "controller/" + controller.Name, () =>
                !_leader.KnowsLeader ? HealthCheckResult.Fail("campaigning for the lease")
                : !_leader.IsLeading || controller.HasSynced ? HealthCheckResult.Pass
                : HealthCheckResult.Fail("caches not synced"));
            _health.Add(HealthCheckKind.Liveness, "controller/" + controller.Name + "/workers", () =>
                controller.OldestReconcile <= controller.StuckAfter ? HealthCheckResult.Pass : HealthCheckResult.Fail("a reconcile is running past its bound"));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _leader.RunAsync(RunLeadingAsync, stoppingToken);
        }
        finally
        {
            foreach (var controller in _controllers.OfType<IDisposable>())
            {
                controller.Dispose();
            }
        }
    }

    private async Task RunLeadingAsync(CancellationToken leading)
    {
        using var watches = new CancellationTokenSource();
        // The drain deadline is the CTS's own timer (on our TimeProvider): it goes with the CTS, so it can never fire
        // into a disposed source, as a separate timer could (seen: ObjectDisposedException on a thread-pool thread).
        using var drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        var drainTimeout = _shutdown.Value.DrainTimeout;
        using var onStop = leading.Register(() =>
        {
            Log.Draining(_logger, drainTimeout);
            drain.CancelAfter(drainTimeout);
        });

        Log.Leading(_logger, _controllers.Count);
        Task[] watchTasks = [.. _controllers.Select(c => c.RunWatchesAsync(watches.Token))];
        var allWorkers = Task.WhenAll(_controllers.Select(c => c.RunWorkersAsync(leading, drain.Token)));
        var leaderWork = LeaderServiceRunner.RunAsync(_leaderWork, _logger, reason => _exit.Fail(reason), leading);
        var watchFailed = false;
        // With no controllers there is no watch: only leader work runs.
        if (watchTasks.Length > 0)
        {
            var firstWatchEnded = Task.WhenAny(watchTasks);
            if (await Task.WhenAny(allWorkers, firstWatchEnded) == firstWatchEnded)
            {
                // Watches run until cancelled; one ending on its own (a handler exception, a non-retryable
                // error) leaves the caches stale: readiness drops at once and the host stops with exit code 1.
                watchFailed = true;
                Log.WatchEnded(_logger, (await firstWatchEnded).Exception?.GetBaseException());
                _exit.Fail("a watch stopped unexpectedly");
            }
        }

        await allWorkers;
        await leaderWork;
        if (_leaderWork.Count > 0 && !leading.IsCancellationRequested)
        {
            // Leader work that returned early keeps leadership (and the controllers) until stop.
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, leading);
            }
            catch (OperationCanceledException)
            {
                // Stop or loss of leadership: continue with the stop order.
            }
        }

        Log.WorkersDrained(_logger);
        await watches.CancelAsync();
        try
        {
            await Task.WhenAll(watchTasks);
        }
        catch (Exception) when (watchFailed)
        {
            // Logged above and turned into exit code 1.
        }

        Log.WatchesStopped(_logger);
    }
}

using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Shutdown;

/// <summary>
/// Replaces the console lifetime: the first SIGTERM/SIGINT turns readiness false and starts the
/// ordered graceful stop; a second signal exits at once with 128+signal.
/// </summary>
/// <remarks>
/// Guarantees: the process never outlives <see cref="ShutdownOptions.Timeout"/> after the first
/// signal by more than a small grace — a watchdog exits with code 1 if the ordered stop hangs.
/// </remarks>
internal sealed partial class SignalLifetime : IHostLifetime, IDisposable
{
    // Extra time after the shutdown timeout before the watchdog gives up on a hung stop.
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(2);

    private readonly AddonExit _exit;
    private readonly LifecycleState _state;
    private readonly IOptions<ShutdownOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SignalLifetime> _logger;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private ITimer? _watchdog;
    private int _signals;

    public SignalLifetime(
        AddonExit exit, LifecycleState state, IOptions<ShutdownOptions> options, TimeProvider time, ILogger<SignalLifetime> logger)
    {
        _exit = exit;
        _state = state;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Starts the watchdog that bounds the whole stop; called on any stop, not only signals.</summary>
    internal void ArmWatchdog()
    {
        var deadline = _options.Value.Timeout + WatchdogGrace;
        Interlocked.CompareExchange(ref _watchdog, _time.CreateTimer(OnWatchdog, null, deadline, Timeout.InfiniteTimeSpan), null)?.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // We own the stop sequence; the runtime's default (terminate) must not run.
        context.Cancel = true;
        var signalNumber = context.Signal == PosixSignal.SIGINT ? 2 : 15;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            Log.Forced(_logger, context.Signal.ToString());
            Environment.Exit(128 + signalNumber);
            return;
        }

        Log.Signal(_logger, context.Signal.ToString(), _options.Value.Timeout);
        ArmWatchdog();
        _exit.Stop();
    }

    private void OnWatchdog(object? state)
    {
        Log.Watchdog(_logger, _options.Value.Timeout);
        Environment.Exit(ExitCodes.Failure);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _watchdog?.Dispose();
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Shutdown;

/// <summary>
/// Stops the host with an exit code. Components call <see cref="Fail"/> for a runtime failure
/// (for example an unintended loss of leadership); the process then stops gracefully and exits 1.
/// </summary>
/// <remarks>Guarantees: the first non-zero code wins; readiness turns false at once.</remarks>
public sealed partial class AddonExit
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly LifecycleState _state;
    private readonly ILogger<AddonExit> _logger;
    private int _exitCode;

    /// <summary>Creates the exit coordinator (one per host, from DI).</summary>
    public AddonExit(IHostApplicationLifetime lifetime, LifecycleState state, ILogger<AddonExit> logger)
    {
        _lifetime = lifetime;
        _state = state;
        _logger = logger;
    }

    /// <summary>The code the process will exit with: 0 unless a failure was recorded.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Records a runtime failure (exit code 1 by default) and stops the host gracefully.</summary>
    /// <param name="reason">A short, secret-free reason for the log.</param>
    /// <param name="exitCode">The non-zero exit code to use.</param>
    public void Fail(string reason, int exitCode = ExitCodes.Failure)
    {
        ArgumentOutOfRangeException.ThrowIfZero(exitCode);
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        Log.Failing(_logger, reason, exitCode);
        Stop();
    }

    /// <summary>Stops the host gracefully; the exit code stays as it is.</summary>
    public void Stop()
    {
        _state.MarkStopping();
        _lifetime.StopApplication();
    }
}

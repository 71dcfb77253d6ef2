using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Configuration;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Addons.Cleaner.Service;

/// <summary>
/// Runs cleaning cycles: once then stops the host (<c>once</c>), or one at start and then one every
/// <c>--check-interval-minutes</c> measured from the end of the previous cycle, so two cycles never
/// run back to back (<c>interval</c>).
/// </summary>
/// <remarks>
/// Guarantees: a stop signal cancels the token, the running cycle stops before its next file and the
/// wait for the next cycle ends at once; the process then exits 0.
/// </remarks>
internal sealed partial class CleanerService : BackgroundService
{
    private readonly CleanerOptions _options;
    private readonly CleaningCycle _cycle;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<CleanerService> _logger;

    private readonly AddonExit? _exit;

    public CleanerService(CleanerOptions options, CleaningCycle cycle, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<CleanerService> logger, AddonExit? exit = null)
    {
        _exit = exit;
        _options = options;
        _cycle = cycle;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>Number of completed cycles (for tests and the log).</summary>
    public int CompletedCycles { get; private set; }

    /// <summary>The outcomes of the last completed cycle.</summary>
    public IReadOnlyList<PathOutcome> LastOutcomes { get; private set; } = [];

    /// <summary>Called after each cycle once the wait for the next one is armed (tests use it to drive a fake clock).</summary>
    public Action? CycleCompleted { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(_logger, _options.Mode.ToString().ToLowerInvariant(), string.Join(",", _options.TargetPaths), _options.UsageThresholdPercent,
            string.Join(",", _options.IncludePatterns), string.Join(",", _options.ExcludePatterns), _options.DryRun);
        await RunAsync(stoppingToken);
        if (_options.Mode == CleanupMode.Once)
        {
            // A stopped run exits 0 (documented); a completed one says whether anything could not be cleaned.
            if (!stoppingToken.IsCancellationRequested && OnceExitCodes.For(LastOutcomes) is (not ExitCodes.Clean and var code, { } reason) && _exit is not null)
            {
                _exit.Fail(reason, code);
                return;
            }

            _lifetime.StopApplication();
        }
    }

    /// <summary>The loop itself, without the host (tests call it directly).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(_options.CheckIntervalMinutes);
        while (!cancellationToken.IsCancellationRequested)
        {
            // The cycle is synchronous syscall work; run it off the caller's thread so a stop signal is seen.
            LastOutcomes = await Task.Run(() => _cycle.Run(cancellationToken), CancellationToken.None);
            CompletedCycles++;
            if (_options.Mode == CleanupMode.Once || cancellationToken.IsCancellationRequested)
            {
                CycleCompleted?.Invoke();
                return;
            }

            LogWaiting(_logger, _options.CheckIntervalMinutes);
            var wait = Task.Delay(interval, _time, cancellationToken);
            CycleCompleted?.Invoke();
            try
            {
                await wait;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Cleaner starting: mode {Mode}, targets {TargetPaths}, threshold {ThresholdPercent}%, include {Include}, exclude {Exclude}, dry run {DryRun}")]
    private static partial void LogStarting(ILogger logger, string mode, string targetPaths, int thresholdPercent, string include, string exclude, bool dryRun);

    [LoggerMessage(2, LogLevel.Information, "Next cycle in {Minutes} minute(s)")]
    private static partial void LogWaiting(ILogger logger, int minutes);
}

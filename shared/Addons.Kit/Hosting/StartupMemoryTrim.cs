using Addons.Kit.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Hosting;

/// <summary>
/// Once the host is ready (caches synced), collects the start-up garbage once with an aggressive,
/// compacting GC so its memory goes back to the OS. Start-up (configuration, DI, the initial
/// list) allocates a few MB that an idle controller would otherwise keep committed until
/// enough new allocations trigger a GC — possibly never while idle.
/// </summary>
internal sealed partial class StartupMemoryTrim(HealthRegistry health, TimeProvider time, ILogger<StartupMemoryTrim> logger) : BackgroundService
{
    // Poll readiness until it passes; a short period keeps start-to-trim close to start-to-ready.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        while (!IsReady() && time.GetElapsedTime(started) < MaxWait)
        {
            await Task.Delay(Poll, time, stoppingToken);
        }

        var before = GC.GetTotalMemory(forceFullCollection: false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Log.Trimmed(logger, before / 1024, GC.GetTotalMemory(forceFullCollection: false) / 1024);
    }

    private bool IsReady() => health.Checks(HealthCheckKind.Readiness).All(c => c.Check().Healthy);
}

using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Tests.TestSupport;
using Addons.Cleaner.Usage;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Cleaner.Tests.Cleaning;

/// <summary>Builds a <see cref="CleaningCycle"/> over a temp tree with a recording logger.</summary>
internal static class CycleHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static (CleaningCycle Cycle, RecordingLogger Log) Create(CleanerOptions options, IUsageProbe? probe = null, TimeProvider? time = null)
    {
        var log = new RecordingLogger();
        var cycle = new CleaningCycle(
            options,
            GlobSet.Compile(options.IncludePatterns),
            GlobSet.Compile(options.ExcludePatterns),
            probe ?? new StatvfsUsageProbe(),
            time ?? new FakeTimeProvider(Now),
            log,
            NullCleanerMetrics.Instance);
        return (cycle, log);
    }

    public static CleanerOptions Options(string root, int threshold = 0) => new()
    {
        TargetPaths = [root],
        UsageThresholdPercent = threshold,
        TargetUsagePercent = threshold,
        Mode = CleanupMode.Once,
    };
}

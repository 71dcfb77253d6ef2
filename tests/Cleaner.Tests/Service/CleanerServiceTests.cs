using Addons.Cleaner.Configuration;
using Addons.Cleaner.Service;
using Addons.Cleaner.Tests.Cleaning;
using Addons.Cleaner.Tests.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Cleaner.Tests.Service;

public sealed class CleanerServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CleanerService Create(CleanerOptions options, TimeProvider time, IUsageProbeCounter? counter = null)
    {
        var (cycle, _) = CycleHarness.Create(options, counter, time);
        return new CleanerService(options, cycle, time, new NoLifetime(), NullLogger<CleanerService>.Instance);
    }

    [Fact]
    public async Task RunAsync_Once_RunsOneCycleAndReturns()
    {
        using var tree = new TempTree();
        tree.File("junk");
        var service = Create(CycleHarness.Options(tree.Root), new FakeTimeProvider(CycleHarness.Now));

        await service.RunAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(1, service.CompletedCycles);
        Assert.Empty(tree.Files());
    }

    [Fact]
    public async Task RunAsync_Interval_RunsAtStartThenAfterEachIntervalAndStopsPromptlyOnCancel()
    {
        using var tree = new TempTree();
        var time = new FakeTimeProvider(CycleHarness.Now);
        var probe = new IUsageProbeCounter();
        var service = Create(CycleHarness.Options(tree.Root) with { Mode = CleanupMode.Interval, CheckIntervalMinutes = 10 }, time, probe);
        var cycles = new System.Threading.Channels.UnboundedChannelOptions();
        var completed = System.Threading.Channels.Channel.CreateUnbounded<int>(cycles);
        service.CycleCompleted = () => completed.Writer.TryWrite(service.CompletedCycles);
        using var cts = new CancellationTokenSource();

        var run = service.RunAsync(cts.Token);
        Assert.Equal(1, await completed.Reader.ReadAsync().AsTask().WaitAsync(Timeout));

        // Not before the interval has passed since the end of the cycle.
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, probe.Calls);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await completed.Reader.ReadAsync().AsTask().WaitAsync(Timeout));
        Assert.Equal(2, probe.Calls);

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, service.CompletedCycles);
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

/// <summary>A usage probe reporting 0 % (so cycles skip) that counts its calls.</summary>
internal sealed class IUsageProbeCounter : Addons.Cleaner.Usage.IUsageProbe
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Addons.Cleaner.Usage.DiskUsage Measure(string path)
    {
        Interlocked.Increment(ref _calls);
        return new Addons.Cleaner.Usage.DiskUsage(100, 100);
    }
}

using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Cleaning;

public sealed class CleaningCycleTests
{
    private static TempTree Workspace()
    {
        var tree = new TempTree();
        tree.File("project1/.git/config", 100);
        tree.File("project1/src/main.go", 1000);
        tree.File("project1/build/out.o", 2048);
        tree.File("project1/node_modules/lib/index.js", 10);
        tree.File("project1/debug.log", 5);
        tree.File("app.log", 5);
        tree.File("tmp/cache.bin", 512);
        return tree;
    }

    private static readonly string[] Kept = ["app.log", "project1/.git/config", "project1/debug.log", "project1/node_modules/lib/index.js"];

    [Fact]
    public void Run_DryRun_KeepsFilesAndLogsWhatWouldBeDeletedWithSummary()
    {
        using var tree = Workspace();
        var before = tree.Files();
        var (cycle, log) = CycleHarness.Create(CycleHarness.Options(tree.Root) with { DryRun = true });

        var outcome = Assert.Single(cycle.Run(CancellationToken.None));

        Assert.Equal(before, tree.Files());
        Assert.Equal(PathVerdict.Cleaned, outcome.Verdict);
        Assert.Equal(3, outcome.Files);
        Assert.Equal(1000 + 2048 + 512, outcome.Bytes);
        Assert.Contains($"[DRY-RUN] Would delete file {tree.PathOf("project1/build/out.o")} (2.0 KiB)", log.Messages);
        Assert.Contains(log.Messages, m => m.StartsWith("[DRY-RUN] Would delete 3 file(s), 3.5 KiB total", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RealRun_DeletesMatchingFilesInSubdirectoriesAndKeepsTheTree()
    {
        using var tree = Workspace();
        var (cycle, log) = CycleHarness.Create(CycleHarness.Options(tree.Root));

        cycle.Run(CancellationToken.None);

        Assert.Equal(Kept, tree.Files());
        Assert.True(Directory.Exists(tree.PathOf("project1/build")));
        Assert.True(Directory.Exists(tree.PathOf("tmp")));
        Assert.Contains($"Deleted file {tree.PathOf("tmp/cache.bin")} (512 B)", log.Messages);
    }

    [Fact]
    public void Run_RemoveEmptyDirs_RemovesDirectoriesLeftEmptyButNotTheRootOrExcluded()
    {
        using var tree = Workspace();
        tree.Dir("already-empty");
        tree.Dir("project1/node_modules/empty");
        var (cycle, _) = CycleHarness.Create(CycleHarness.Options(tree.Root) with { RemoveEmptyDirs = true, IncludePatterns = ["*"] });

        cycle.Run(CancellationToken.None);

        Assert.False(Directory.Exists(tree.PathOf("project1/build")));
        Assert.False(Directory.Exists(tree.PathOf("tmp")));
        Assert.False(Directory.Exists(tree.PathOf("project1/src")));
        Assert.True(Directory.Exists(tree.PathOf("project1")));
        Assert.True(Directory.Exists(tree.PathOf("already-empty")));
        Assert.True(Directory.Exists(tree.PathOf("project1/node_modules/empty")));
        Assert.True(Directory.Exists(tree.Root));
    }

    [Fact]
    public void Run_Threshold100_SkipsThePath()
    {
        using var tree = Workspace();
        var before = tree.Files();
        var (cycle, log) = CycleHarness.Create(CycleHarness.Options(tree.Root, threshold: 100));

        var outcome = Assert.Single(cycle.Run(CancellationToken.None));

        Assert.Equal(PathVerdict.BelowThreshold, outcome.Verdict);
        Assert.Equal(before, tree.Files());
        Assert.Contains(log.Messages, m => m.Contains("not above the 100% threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_UsageEqualToThreshold_Skips()
    {
        using var tree = Workspace();
        var (cycle, _) = CycleHarness.Create(CycleHarness.Options(tree.Root, threshold: 50), FakeUsageProbe.Fixed(50));

        Assert.Equal(PathVerdict.BelowThreshold, Assert.Single(cycle.Run(CancellationToken.None)).Verdict);
    }

    [Fact]
    public void Run_UsageJustAboveThreshold_Cleans()
    {
        using var tree = Workspace();
        var (cycle, _) = CycleHarness.Create(CycleHarness.Options(tree.Root, threshold: 50), FakeUsageProbe.Fixed(50.01));

        Assert.Equal(PathVerdict.Cleaned, Assert.Single(cycle.Run(CancellationToken.None)).Verdict);
    }

    [Fact]
    public void Run_Threshold0_Cleans()
    {
        using var tree = Workspace();
        var (cycle, _) = CycleHarness.Create(CycleHarness.Options(tree.Root, threshold: 0));

        Assert.Equal(PathVerdict.Cleaned, Assert.Single(cycle.Run(CancellationToken.None)).Verdict);
        Assert.Equal(Kept, tree.Files());
    }

    [Fact]
    public void Run_EachPathJudgedIndependently_MissingPathLogsErrorAndContinues()
    {
        using var full = Workspace();
        using var empty = Workspace();
        var missing = "/nonexistent/cleaner-" + Guid.NewGuid().ToString("N");
        var probes = new Dictionary<string, double> { [full.Root] = 90, [empty.Root] = 10 };
        var options = CycleHarness.Options(full.Root, threshold: 50) with { TargetPaths = [missing, full.Root, empty.Root] };
        var (cycle, log) = CycleHarness.Create(options, new PerPathProbe(probes));

        var outcomes = cycle.Run(CancellationToken.None);

        Assert.Equal([PathVerdict.Unavailable, PathVerdict.Cleaned, PathVerdict.BelowThreshold], outcomes.Select(o => o.Verdict));
        Assert.Equal(Kept, full.Files());
        Assert.Equal(7, empty.Files().Count);
        Assert.Contains(log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Symlinks_AreNeverDeletedNorFollowed()
    {
        using var outside = new TempTree();
        outside.File("precious.txt");
        using var tree = new TempTree();
        tree.File("junk.bin");
        tree.Symlink("to-outside", outside.Root);
        tree.Symlink("file-link", outside.PathOf("precious.txt"));
        var (cycle, log) = CycleHarness.Create(CycleHarness.Options(tree.Root) with { RemoveEmptyDirs = true });

        cycle.Run(CancellationToken.None);

        Assert.Equal(["file-link", "to-outside"], tree.Files());
        Assert.Equal(["precious.txt"], outside.Files());
        Assert.Contains(log.Messages, m => m.Contains($"{tree.PathOf("to-outside")} -> {outside.Root}", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Cancelled_StopsBeforeTheNextFile()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 20; i++)
        {
            tree.File($"f{i:D2}");
        }

        using var cts = new CancellationTokenSource();
        var logger = new CancellingLogger(cts, "f04");
        var options = CycleHarness.Options(tree.Root);
        var cycle = new CleaningCycle(options, Addons.Cleaner.Globbing.GlobSet.Compile(options.IncludePatterns), Addons.Cleaner.Globbing.GlobSet.Compile(options.ExcludePatterns),
            new Addons.Cleaner.Usage.StatvfsUsageProbe(), TimeProvider.System, logger, NullCleanerMetrics.Instance);

        var outcome = Assert.Single(cycle.Run(cts.Token));

        Assert.True(outcome.Stopped);
        Assert.Equal(5, outcome.Files);
        Assert.Equal(15, tree.Files().Count);
    }

    [Fact]
    public void Run_MinFileAge_SparesFreshFiles()
    {
        using var tree = new TempTree();
        tree.File("old.bin", 1, CycleHarness.Now.UtcDateTime.AddHours(-2));
        tree.File("fresh.bin", 1, CycleHarness.Now.UtcDateTime.AddMinutes(-5));
        tree.File("future.bin", 1, CycleHarness.Now.UtcDateTime.AddMinutes(5));
        var (cycle, log) = CycleHarness.Create(CycleHarness.Options(tree.Root) with { MinFileAge = TimeSpan.FromMinutes(10) });

        cycle.Run(CancellationToken.None);

        Assert.Equal(["fresh.bin", "future.bin"], tree.Files());
        Assert.Contains(log.Messages, m => m.StartsWith($"Skipping recently modified file {tree.PathOf("fresh.bin")}", StringComparison.Ordinal));
    }

    private sealed class PerPathProbe(Dictionary<string, double> percents) : Addons.Cleaner.Usage.IUsageProbe
    {
        public Addons.Cleaner.Usage.DiskUsage Measure(string path) =>
            percents.TryGetValue(path, out var percent)
                ? new Addons.Cleaner.Usage.DiskUsage(10_000, (ulong)(10_000 - (percent * 100)))
                : throw new Addons.Cleaner.Usage.UsageProbeException(path, "No such file or directory");
    }

    /// <summary>Cancels when a given file is logged as deleted: the next file must not be touched.</summary>
    private sealed class CancellingLogger(CancellationTokenSource cts, string trigger) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.StartsWith("Deleted file", StringComparison.Ordinal) && message.Contains("/" + trigger + " ", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        }
    }
}

using System.Diagnostics;
using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Configuration;
using Addons.Cleaner.Tests.TestSupport;

namespace Addons.Cleaner.Tests.Cleaning;

public sealed class OldestFirstTests
{
    private static readonly DateTime Base = CycleHarness.Now.UtcDateTime.AddDays(-10);

    private static TempTree FourFiles()
    {
        var tree = new TempTree();
        tree.File("x/newest", 1000, Base.AddHours(4));
        tree.File("a/oldest", 1000, Base.AddHours(1));
        tree.File("c", 1000, Base.AddHours(3));
        tree.File("b/second", 1000, Base.AddHours(2));
        return tree;
    }

    private static CleanerOptions OldestFirst(string root, int threshold, int target) => CycleHarness.Options(root) with
    {
        UsageThresholdPercent = threshold,
        TargetUsagePercent = target,
        Strategy = CleanupStrategy.OldestFirst,
    };

    [Fact]
    public void Run_InjectedProbe_DeletesOldestFirstAndStopsAtTarget()
    {
        using var tree = FourFiles();
        // 10 000 bytes, 5 000 used by others + 4 × 1 000 files = 90 %.
        var probe = FakeUsageProbe.FromTree(tree.Root, 10_000, 5_000);
        var (cycle, log) = CycleHarness.Create(OldestFirst(tree.Root, threshold: 80, target: 65), probe);

        var outcome = Assert.Single(cycle.Run(CancellationToken.None));

        Assert.Equal(["x/newest"], tree.Files());
        Assert.Equal(3, outcome.Files);
        var deleted = log.Messages.Where(m => m.StartsWith("Deleted file", StringComparison.Ordinal)).ToList();
        Assert.Equal([tree.PathOf("a/oldest"), tree.PathOf("b/second"), tree.PathOf("c")], deleted.Select(m => m["Deleted file ".Length..m.LastIndexOf(" (", StringComparison.Ordinal)]));
        Assert.Contains(log.Messages, m => m.Contains("at or below the 65% target", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_InjectedProbeDryRun_ProjectsUsageAndKeepsFiles()
    {
        using var tree = FourFiles();
        var probe = FakeUsageProbe.FromTree(tree.Root, 10_000, 5_000);
        var (cycle, log) = CycleHarness.Create(OldestFirst(tree.Root, threshold: 80, target: 75) with { DryRun = true }, probe);

        var outcome = Assert.Single(cycle.Run(CancellationToken.None));

        Assert.Equal(4, tree.Files().Count);
        Assert.Equal(2, outcome.Files);
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith("[DRY-RUN] Would delete file", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_FileVanishesBeforeDeletion_IsNotAnError()
    {
        using var tree = FourFiles();
        var calls = 0;
        var probe = new FakeUsageProbe(10_000, () =>
        {
            // The third reading happens just before "b/second" is deleted: remove it first.
            if (++calls == 3)
            {
                File.Delete(tree.PathOf("b/second"));
            }

            return 5_000 + (ulong)new DirectoryInfo(tree.Root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        });
        var (cycle, log) = CycleHarness.Create(OldestFirst(tree.Root, threshold: 80, target: 60), probe);

        cycle.Run(CancellationToken.None);

        Assert.DoesNotContain(log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains($"File {tree.PathOf("b/second")} vanished before it could be deleted", log.Messages);
    }

    [Fact]
    public void Run_DirectorySwappedForSymlink_NeverDeletesOutsideTheTarget()
    {
        using var outside = new TempTree();
        outside.File("second", 1000);
        using var tree = FourFiles();
        var calls = 0;
        var probe = new FakeUsageProbe(10_000, () =>
        {
            // After the scan, replace directory "b" with a symlink to a directory outside the target
            // that holds a file of the same name.
            if (++calls == 2)
            {
                Directory.Delete(tree.PathOf("b"), recursive: true);
                File.CreateSymbolicLink(tree.PathOf("b"), outside.Root);
            }

            return 9_000;
        });
        var (cycle, log) = CycleHarness.Create(OldestFirst(tree.Root, threshold: 80, target: 10), probe);

        cycle.Run(CancellationToken.None);

        Assert.Equal(["second"], outside.Files());
        Assert.Contains(log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith($"Failed to delete file {tree.PathOf("b/second")}", StringComparison.Ordinal));
        Assert.Equal(["b"], tree.Files());
    }

    [Fact]
    public void Run_RemoveEmptyDirs_RemovesParentsLeftEmpty()
    {
        using var tree = new TempTree();
        tree.File("deep/er/old", 1000, Base);
        tree.File("deep/keep", 1000, Base.AddHours(1));
        var probe = FakeUsageProbe.FromTree(tree.Root, 10_000, 7_500);
        var (cycle, _) = CycleHarness.Create(OldestFirst(tree.Root, threshold: 90, target: 85) with { RemoveEmptyDirs = true }, probe);

        cycle.Run(CancellationToken.None);

        Assert.Equal(["deep/keep"], tree.Files());
        Assert.False(Directory.Exists(tree.PathOf("deep/er")));
    }

    [Fact]
    public void Run_RealTmpfs_StopsAtTargetUsage()
    {
        var mountPoint = Path.Combine(Path.GetTempPath(), "cleaner-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mountPoint);
        try
        {
            var (mounted, error) = Run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint);
            if (!mounted)
            {
                // Only a sandbox without mount rights may skip, and it must say so.
                Assert.Matches("(permission denied|must be superuser|not permitted)", error.ToLowerInvariant());
                return;
            }

            try
            {
                for (var i = 0; i < 6; i++)
                {
                    var path = Path.Combine(mountPoint, $"file{i}");
                    File.WriteAllBytes(path, new byte[1024 * 1024]);
                    File.SetLastWriteTimeUtc(path, Base.AddHours(i));
                }

                // 6 MiB of 8 MiB = 75 %; stop at or below 30 %: the four oldest go.
                var (cycle, _) = CycleHarness.Create(OldestFirst(mountPoint, threshold: 50, target: 30));

                var outcome = Assert.Single(cycle.Run(CancellationToken.None));

                Assert.Equal(PathVerdict.Cleaned, outcome.Verdict);
                Assert.Equal(["file4", "file5"], Directory.GetFiles(mountPoint).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            }
            finally
            {
                Run("umount", mountPoint);
            }
        }
        finally
        {
            Directory.Delete(mountPoint, recursive: true);
        }
    }

    private static (bool Ok, string Error) Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            return (false, "timeout");
        }

        return (process.ExitCode == 0, error);
    }
}

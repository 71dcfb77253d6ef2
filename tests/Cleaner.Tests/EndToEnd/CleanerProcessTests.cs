using Addons.Cleaner.Tests.TestSupport;
using Addons.Kit.Testing;

namespace Addons.Cleaner.Tests.EndToEnd;

public sealed class CleanerProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Once_RealRun_DeletesMatchingFilesAndExitsZero()
    {
        using var tree = new TempTree();
        tree.File("work/repo/.git/HEAD");
        tree.File("work/repo/src/main.c");
        tree.File("work/repo/build/main.o", 4096);
        tree.File("work/repo/node_modules/x/index.js");
        tree.File("work/app.log");
        tree.File("cache/blob.bin", 1024);
        tree.Symlink("cache/link", "/etc/hostname");

        var (code, stdout, stderr) = await CleanerProcess.RunAsync(
            ["--target-paths", tree.Root, "--cleanup-mode=once", "--usage-threshold-percent=0", "--include-patterns=*.o,*.bin,**/src/**"],
            new Dictionary<string, string> { ["DRY_RUN"] = "false" },
            Timeout);

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal(["cache/link", "work/app.log", "work/repo/.git/HEAD", "work/repo/node_modules/x/index.js"], tree.Files());
        Assert.Contains("\"@m\":\"Deleted file " + tree.PathOf("cache/blob.bin") + " (1.0 KiB)\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_DryRun_KeepsEverythingAndLogsSummary()
    {
        using var tree = new TempTree();
        tree.File("a/b/c.tmp", 1536);
        tree.File("d.tmp", 512);

        var (code, stdout, _) = await CleanerProcess.RunAsync(
            ["--cleanup-mode=once", "--dry-run", "--usage-threshold-percent=0"],
            new Dictionary<string, string> { ["TARGET_PATHS"] = tree.Root },
            Timeout);

        Assert.Equal(0, code);
        Assert.Equal(["a/b/c.tmp", "d.tmp"], tree.Files());
        Assert.Contains("[DRY-RUN] Would delete file " + tree.PathOf("a/b/c.tmp") + " (1.5 KiB)", stdout, StringComparison.Ordinal);
        Assert.Contains("[DRY-RUN] Would delete 2 file(s), 2.0 KiB total, from " + tree.Root, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_ThresholdNotExceeded_DeletesNothing()
    {
        using var tree = new TempTree();
        tree.File("keep.bin");

        var (code, _, _) = await CleanerProcess.RunAsync(["--cleanup-mode=once", "--usage-threshold-percent=100", "--target-paths=" + tree.Root], null, Timeout);

        Assert.Equal(0, code);
        Assert.Equal(["keep.bin"], tree.Files());
    }

    [Theory]
    [InlineData("--usage-threshold-percent=101", "--usage-threshold-percent")]
    [InlineData("--check-interval-minutes=0", "--check-interval-minutes")]
    [InlineData("--target-paths=/", "--target-paths")]
    [InlineData("--cleanup-mode=sometimes", "--cleanup-mode")]
    public async Task InvalidSetting_ExitsTwoNamingIt(string arg, string setting)
    {
        var (code, _, stderr) = await CleanerProcess.RunAsync([arg], null, Timeout);

        Assert.Equal(2, code);
        Assert.Contains(setting, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEnvironmentBoolean_ExitsTwo()
    {
        var (code, _, stderr) = await CleanerProcess.RunAsync([], new Dictionary<string, string> { ["DRY_RUN"] = "yes" }, Timeout);

        Assert.Equal(2, code);
        Assert.Contains("DRY_RUN", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidGlob_ExitsOneNamingThePattern()
    {
        var (code, _, stderr) = await CleanerProcess.RunAsync(["--exclude-patterns=ok,file.{txt"], null, Timeout);

        Assert.Equal(1, code);
        Assert.Contains("file.{txt", stderr, StringComparison.Ordinal);
        Assert.Contains("unclosed brace", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_EveryTargetMissing_ExitsThreeNamingThem()
    {
        using var tree = new TempTree();

        var (code, stdout, stderr) = await CleanerProcess.RunAsync(
            ["--cleanup-mode=once", "--usage-threshold-percent=0", "--target-paths=" + tree.PathOf("gone-a") + "," + tree.PathOf("gone-b")], null, Timeout);

        Assert.True(code == 3, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("Target path " + tree.PathOf("gone-a") + " cannot be checked: the directory does not exist", stdout, StringComparison.Ordinal);
        Assert.Contains("no target path could be cleaned", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_FileGivenAsTarget_SaysItIsAFileAndExitsThree()
    {
        using var tree = new TempTree();
        var file = tree.File("not-a-dir.txt");

        var (code, stdout, stderr) = await CleanerProcess.RunAsync(["--cleanup-mode=once", "--usage-threshold-percent=0", "--target-paths=" + file], null, Timeout);

        Assert.True(code == 3, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("cannot be checked: it is a file, not a directory", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_DeletionFails_ExitsFour()
    {
        using var tree = new TempTree();
        var stuck = tree.File("stuck/file.bin", 64);
        // Root (CI) ignores directory permissions: an immutable file refuses unlink even to root (EPERM), as a
        // read-only filesystem refuses it with EROFS — the same failure path.
        var root = Environment.UserName == "root" || OperatingSystem.IsWindows();
        if (root)
        {
            Assert.Equal(0, await RunToolAsync("chattr", "+i", stuck));
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tree.PathOf("stuck"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        try
        {
            var (code, stdout, stderr) = await CleanerProcess.RunAsync(["--cleanup-mode=once", "--usage-threshold-percent=0", "--target-paths=" + tree.Root], null, Timeout);

            Assert.True(code == 4, $"exit {code}\n{stdout}\n{stderr}");
            Assert.Contains("1 matching file(s) could not be deleted", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(stuck));
        }
        finally
        {
            if (root)
            {
                await RunToolAsync("chattr", "-i", stuck);
            }
            else if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tree.PathOf("stuck"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Theory]
    [InlineData("--include-patterns=/**", "\"/**\" can never match: it is absolute")]
    [InlineData("--include-patterns=*.o,../x", "\"../x\" can never match")]
    [InlineData("--include-patterns=/home/runner/*.log", "it is absolute")]
    [InlineData("--exclude-patterns=**/.git/**,/**", "--exclude-patterns (env EXCLUDE_PATTERNS): pattern \"/**\" can never match")]
    [InlineData("--include-patterns=a//b", "contains \"//\"")]
    public async Task NeverMatchingPattern_ExitsTwoAtStart(string arg, string expected)
    {
        var (code, _, stderr) = await CleanerProcess.RunAsync(["--cleanup-mode=once", arg], null, Timeout);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    private static async Task<int> RunToolAsync(string tool, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(tool, args);
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    [Fact]
    public async Task Version_PrintsVersionAndCommitAndExitsZero()
    {
        var (code, stdout, _) = await CleanerProcess.RunAsync(["--version"], null, Timeout);

        Assert.Equal(0, code);
        Assert.Matches(@"^cleaner \d+\.\d+\.\d+.* \(commit [0-9a-f]+\)", stdout.Trim());
    }

    [Fact]
    public async Task Sigterm_DuringLongDryRun_StopsMidCycleAndExitsZero()
    {
        using var tree = new TempTree();
        for (var f = 0; f < 5000; f++)
        {
            File.WriteAllBytes(tree.PathOf($"f{f:D4}"), []);
        }

        // The same tree listed 100 times: a 500 000-file dry run keeps even the AOT binary busy for seconds.
        var targets = string.Join(",", Enumerable.Repeat(tree.Root, 100));
        using var process = CleanerProcess.Start(["--target-paths=" + targets, "--cleanup-mode=once", "--dry-run", "--usage-threshold-percent=0"]);
        await process.WaitForOutputAsync("[DRY-RUN] Would delete file").WaitAsync(Timeout);

        process.Signal(15);
        var code = await process.WaitForExitAsync(Timeout);

        // Not a timing assertion (CI machines stall): the stop cut the cycle short instead of finishing 100 targets.
        Assert.Equal(0, code);
        Assert.Contains("Stop requested", process.StandardOutput, StringComparison.Ordinal);
        var scanned = process.StandardOutput.Split('\n').Count(l => l.Contains("\"Scanned ", StringComparison.Ordinal) || l.Contains(" Scanned ", StringComparison.Ordinal));
        Assert.True(scanned < 100, $"{scanned} of 100 targets were scanned after SIGTERM");
    }

    [Fact]
    public async Task Interval_Sigterm_ExitsZeroWithoutWaitingForTheNextCycle()
    {
        using var tree = new TempTree();
        using var process = CleanerProcess.Start(["--target-paths=" + tree.Root, "--cleanup-mode=interval", "--check-interval-minutes=60", "--usage-threshold-percent=100"]);
        await process.WaitForOutputAsync("Next cycle in 60 minute(s)").WaitAsync(Timeout);

        process.Signal(15);

        Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task MetricsPort_ServesHealthReadinessAndCleanerMetrics()
    {
        using var tree = new TempTree();
        tree.File("junk.bin", 2048);
        var port = LoopbackPorts.Free();
        using var process = CleanerProcess.Start([
            "--target-paths=" + tree.Root, "--cleanup-mode=interval", "--check-interval-minutes=60",
            "--usage-threshold-percent=0", "--metrics-port=" + port,
        ]);
        await process.WaitForOutputAsync("Next cycle in 60 minute(s)").WaitAsync(Timeout);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var readyz = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, readyz.StatusCode);
        Assert.Contains($"cleaner_disk_usage_percent{{path=\"{tree.Root}\"}}", metrics, StringComparison.Ordinal);
        Assert.Contains($"cleaner_files_deleted_total{{path=\"{tree.Root}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"cleaner_bytes_freed_total{{path=\"{tree.Root}\"}} 2048", metrics, StringComparison.Ordinal);
        Assert.Contains("cleaner_cycle_duration_seconds_count 1", metrics, StringComparison.Ordinal);

        process.Signal(15);
        Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}

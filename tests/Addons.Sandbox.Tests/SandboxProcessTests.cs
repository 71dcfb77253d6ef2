using System.Diagnostics;
using System.Globalization;
using System.Net;
using Addons.Kit.Testing;

namespace Addons.Sandbox.Tests;

/// <summary>
/// The README's first command, end to end: the sandbox binary starts the emulator, seeds it, starts the
/// addons, the printed kubectl command works against it, and SIGTERM stops everything with exit 0.
/// </summary>
public sealed class SandboxProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);
    private readonly string _state = Directory.CreateTempSubdirectory("sandbox-test-").FullName;

    [Fact]
    public async Task Run_TwoSideBySide_BannerOnlyWhenReadyNeverCrossAndExitZero()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var second = Directory.CreateTempSubdirectory("sandbox-test-").FullName;
        var started = new List<Process>();
        try
        {
            // Each sandbox derives port+1 (EKS/STS) and port+2.. (addons) from its base: bases far apart, below
            // the kernel's ephemeral range so neither another test's client socket nor the other sandbox takes them.
            var portA = FreeBase(20000);
            var portB = FreeBase(portA + 100);
            var a = StartSandbox("--port", portA.ToString(CultureInfo.InvariantCulture), "--state-dir", _state);
            started.Add(a);
            var b = StartSandbox("--port", portB.ToString(CultureInfo.InvariantCulture), "--state-dir", second);
            started.Add(b);
            var outputA = new OutputLog(a);
            var outputB = new OutputLog(b);

            await outputA.WaitForLineAsync(l => l.Contains("Ctrl+C stops everything.", StringComparison.Ordinal), timeout.Token);
            var readyA = await ReadyzAsync(outputA.Text, _state, "karc", timeout.Token);
            await outputB.WaitForLineAsync(l => l.Contains("Ctrl+C stops everything.", StringComparison.Ordinal), timeout.Token);
            var readyB = await ReadyzAsync(outputB.Text, second, "karc", timeout.Token);

            // The banner came after every addon answered 200: one probe right after it, no polling.
            Assert.True(readyA is null, readyA);
            Assert.True(readyB is null, readyB);
            Assert.Null(await ReadyzAsync(outputA.Text, _state, "cleaner", timeout.Token));
            Assert.Null(await ReadyzAsync(outputB.Text, second, "cleaner", timeout.Token));
            Assert.Contains($"https://127.0.0.1:{portA}/", outputA.Text, StringComparison.Ordinal);
            Assert.NotEqual(AddonPort(outputA.Text, "karc"), AddonPort(outputB.Text, "karc"));
            Assert.NotEqual(AddonPort(outputA.Text, "cleaner"), AddonPort(outputB.Text, "cleaner"));

            // gss ran once at start (its console report printed), published the canvas the Slack fake shows, and
            // the on-demand command the banner prints works as printed; each sandbox has its own GitHub emulator.
            Assert.True(outputA.Text.Contains("sandbox: gss ran once, exit code 0", StringComparison.Ordinal), outputA.Text);
            Assert.Matches(@"(?m)^  Total: \d+ scheduled workflows found in \d+ repositories", outputA.Text);
            Assert.NotEqual(GitHubEmulatorUrl(outputA.Text), GitHubEmulatorUrl(outputB.Text));
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
            {
                var canvas = await http.GetStringAsync(new Uri(BannerLine(outputA.Text, "curl -s http://").Split(' ')[2]), timeout.Token);
                Assert.StartsWith("# Scheduled workflows in demo", canvas, StringComparison.Ordinal);
            }

            var onDemand = await RunPrintedAsync(BannerLine(outputA.Text, "GITHUB_TOKEN=", exclude: "PUBLISHER_TYPE="), timeout.Token);
            Assert.True(onDemand.ExitCode == 0, onDemand.Output);
            Assert.Contains("scheduled workflows found in", onDemand.Output, StringComparison.Ordinal);

            var nodePools = await RunKubectlAsync(Path.Combine(_state, "kubeconfig"), timeout.Token, "get", "nodepools", "-o", "name");
            Assert.Equal(
                ["nodepool.karpenter.sh/batch", "nodepool.karpenter.sh/general", "nodepool.karpenter.sh/gpu", "nodepool.karpenter.sh/spot"],
                nodePools.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var reports = await RunKubectlAsync(Path.Combine(second, "kubeconfig"), timeout.Token, "get", "vulnerabilityreports", "-A", "-o", "name");
            Assert.Contains("vulnerabilityreport.aquasecurity.github.io/replicaset-web-6d4cf56db6-web", reports, StringComparison.Ordinal);
            var nodes = await RunKubectlAsync(Path.Combine(_state, "kubeconfig"), timeout.Token, "get", "nodes");
            Assert.Contains(" Ready ", nodes, StringComparison.Ordinal);

            // A's credentials pointed at B's server are refused: a CLI never silently talks to the wrong sandbox.
            var crossed = File.ReadAllText(Path.Combine(_state, "kubeconfig")).Replace($"127.0.0.1:{portA}", $"127.0.0.1:{portB}", StringComparison.Ordinal);
            var crossedPath = Path.Combine(_state, "crossed-kubeconfig");
            File.WriteAllText(crossedPath, crossed);
            var refused = await RunKubectlRawAsync(crossedPath, timeout.Token, "get", "nodes", "--insecure-skip-tls-verify=true");
            Assert.NotEqual(0, refused.ExitCode);

            // The seeded freeze that is active now paused its NodePool.
            await WaitForAsync(async () => (await RunKubectlAsync(Path.Combine(_state, "kubeconfig"), timeout.Token, "get", "nodepool", "batch", "-o", "jsonpath={.metadata.annotations}")).Contains("maintenance-now", StringComparison.Ordinal), timeout.Token);

            Signal(a.Id, 15);
            Signal(b.Id, 15);
            await a.WaitForExitAsync(timeout.Token);
            await b.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, a.ExitCode);
            Assert.Equal(0, b.ExitCode);
            Assert.True(outputA.Text.Contains("karc exited with code 0", StringComparison.Ordinal), outputA.Text);
            Assert.True(outputA.Text.Contains("cleaner exited with code 0", StringComparison.Ordinal), outputA.Text);
            Assert.Equal(1, outputA.Text.Split('\n').Count(l => l.Contains("Ctrl+C stops everything.", StringComparison.Ordinal)));
        }
        finally
        {
            // A failed assertion must not leave two sandboxes and their addons running after the test.
            foreach (var process in started)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }

            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitsTwoNamingIt()
    {
        using var timeout = new CancellationTokenSource(Bound);
        using var sandbox = StartSandbox("--bogus");
        var stderr = await sandbox.StandardError.ReadToEndAsync(timeout.Token);
        await sandbox.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, sandbox.ExitCode);
        Assert.Contains("--bogus", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeepState_ObjectCreatedWithKubectlIsThereAfterRestart()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var port = FreeBase(20000).ToString(CultureInfo.InvariantCulture);
        var kubeconfig = Path.Combine(_state, "kubeconfig");
        await using (var first = await RunningSandboxAsync(timeout.Token, "--port", port, "--no-addons", "--state-dir", _state, "--keep-state"))
        {
            await RunKubectlAsync(kubeconfig, timeout.Token, "create", "configmap", "kept", "-n", "shop", "--from-literal=k=v");
            await RunKubectlAsync(kubeconfig, timeout.Token, "delete", "nodepool", "spot");
            Assert.Equal(0, await first.StopAsync(timeout.Token));
            Assert.Contains("sandbox: cluster kept in ", first.Output.Text, StringComparison.Ordinal);
        }

        await using var second = await RunningSandboxAsync(timeout.Token, "--port", port, "--no-addons", "--state-dir", _state, "--keep-state");
        Assert.Contains("sandbox: restored the cluster from ", second.Output.Text, StringComparison.Ordinal);
        Assert.Equal("v", await RunKubectlAsync(kubeconfig, timeout.Token, "get", "configmap", "kept", "-n", "shop", "-o", "jsonpath={.data.k}"));
        var pools = await RunKubectlAsync(kubeconfig, timeout.Token, "get", "nodepools", "-o", "name");
        Assert.DoesNotContain("spot", pools, StringComparison.Ordinal);
        Assert.Contains("nodepool.karpenter.sh/general", pools, StringComparison.Ordinal);
        Assert.Equal(0, await second.StopAsync(timeout.Token));
    }

    [Fact]
    public async Task Run_KeepStateWithCorruptFile_ExitsOneNamingTheFile()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var file = Path.Combine(_state, "cluster.json");
        await File.WriteAllTextAsync(file, "not json", timeout.Token);
        using var sandbox = StartSandbox("--port", FreeBase(20000).ToString(CultureInfo.InvariantCulture), "--no-addons", "--state-dir", _state, "--keep-state");
        var stderr = await sandbox.StandardError.ReadToEndAsync(timeout.Token);
        await sandbox.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, sandbox.ExitCode);
        Assert.Contains($"sandbox: {file}: not a saved emulator state (", stderr, StringComparison.Ordinal);
        Assert.Contains("delete that file to start fresh, or run without --keep-state", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    /// <summary>A sandbox started with <paramref name="args"/> that has printed its banner; stopped (killed if need be) on dispose.</summary>
    private static async Task<RunningSandbox> RunningSandboxAsync(CancellationToken cancellationToken, params string[] args)
    {
        var process = StartSandbox(args);
        var running = new RunningSandbox(process, new OutputLog(process));
        try
        {
            await running.Output.WaitForLineAsync(l => l.Contains("Ctrl+C stops everything.", StringComparison.Ordinal), cancellationToken);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    private sealed record RunningSandbox(Process Process, OutputLog Output) : IAsyncDisposable
    {
        public async Task<int> StopAsync(CancellationToken cancellationToken)
        {
            Signal(Process.Id, 15);
            await Process.WaitForExitAsync(cancellationToken);
            return Process.ExitCode;
        }

        public ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private static Process StartSandbox(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Addons.Sandbox.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("sandbox did not start");
    }

    private static async Task<string> RunKubectlAsync(string kubeconfig, CancellationToken cancellationToken, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunKubectlRawAsync(kubeconfig, cancellationToken, args);
        Assert.True(exitCode == 0, $"kubectl {string.Join(' ', args)} failed: {stderr}");
        return stdout;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunKubectlRawAsync(string kubeconfig, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo(KubeTools.Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["KUBECONFIG"] = kubeconfig;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var kubectl = Process.Start(start)!;
        var stdout = kubectl.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = kubectl.StandardError.ReadToEndAsync(cancellationToken);
        await kubectl.WaitForExitAsync(cancellationToken);
        return (kubectl.ExitCode, await stdout, await stderr);
    }

    /// <summary>The first banner line (trimmed) starting with <paramref name="prefix"/> and not containing <paramref name="exclude"/>.</summary>
    private static string BannerLine(string output, string prefix, string? exclude = null)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && (exclude is null || !l.Contains(exclude, StringComparison.Ordinal)));
        Assert.True(line is not null, $"no banner line starting with {prefix}:\n{output}");
        return line;
    }

    /// <summary>The GitHub emulator URL gss's banner entry printed.</summary>
    private static string GitHubEmulatorUrl(string output) => BannerLine(output, "GitHub Enterprise emulator ").Split(' ')[3];

    /// <summary>Runs a printed <c>NAME=value ... binary</c> line from the repository root (values without spaces).</summary>
    private static async Task<(int ExitCode, string Output)> RunPrintedAsync(string line, CancellationToken cancellationToken)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(Path.Combine(RepoRoot(), words[^1])) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        foreach (var assignment in words[..^1])
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            start.Environment[assignment[..eq]] = assignment[(eq + 1)..];
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot() => Addons.Kit.Testing.Repository.Repo.Root;

    /// <summary>The port the banner printed for an addon ("karc: running (pid N, port P, ...").</summary>
    private static int AddonPort(string output, string addon)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, "^" + addon + @": running \(pid \d+, port (\d+),", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(match.Success, output);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>One readiness probe of an addon at the port its banner printed.</summary>
    /// <summary>null when it answered 200, else what it answered, the sandbox's output and the addon's log.</summary>
    private static async Task<string?> ReadyzAsync(string output, string stateDirectory, string addon, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{AddonPort(output, addon)}/readyz?verbose"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return null;
        }
        var log = Path.Combine(stateDirectory, "logs", addon + ".log");
        return $"{addon} /readyz answered {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync(cancellationToken)}\n"
            + $"sandbox output:\n{output}\n{addon}.log:\n{(File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(none)")}";
    }

    /// <summary>Re-checks a condition the sandbox's controller reaches on its own; the bound comes from the token.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>The first port from <paramref name="from"/> on whose next nine ports are free too.</summary>
    private static int FreeBase(int from)
    {
        for (var port = from + Random.Shared.Next(0, 5000); port < 32000; port += 10)
        {
            if (Enumerable.Range(port, 10).All(LoopbackPorts.IsFree))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"no ten free ports in a row from {from}");
    }

    private static void Signal(int pid, int signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Addons.Kit.Testing;

namespace Addons.Footprint;

/// <summary>
/// Runs one addon build through the live measures: start-to-ready and idle RSS (per sample), SIGTERM
/// with a reconcile in flight, peak RSS under a burst of watch events, and standby takeover.
/// Every measure that cannot be taken becomes a note; nothing here fails the run on a timing.
/// </summary>
internal sealed class Measurer(string root, HarnessOptions options, Action<string> log)
{
    private const string Namespace = "default";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RssSampleInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs every live measure of <paramref name="spec"/> built as <paramref name="build"/> into <paramref name="result"/>.</summary>
    public async Task RunAsync(AddonSpec spec, PublishResult build, ModeResult result, CancellationToken ct)
    {
        for (var sample = 0; sample < options.Samples; sample++)
        {
            await IdleSampleAsync(spec, build, result, sample, ct).ConfigureAwait(false);
        }

        if (spec.UsesApi && spec.BurstTemplate is not null)
        {
            await BurstAsync(spec, build, result, ct).ConfigureAwait(false);
        }

        if (spec.UsesApi)
        {
            await TakeoverAsync(spec, build, result, ct).ConfigureAwait(false);
        }
    }

    private async Task IdleSampleAsync(AddonSpec spec, PublishResult build, ModeResult result, int sample, CancellationToken ct)
    {
        await using var emulator = spec.UsesApi ? await StartEmulatorAsync(spec, ct).ConfigureAwait(false) : null;
        var port = LoopbackPorts.Free();
        using var probe = new ProbeClient(port);
        await using var process = Start(spec, build, emulator, port, $"sample{sample}");
        var ready = await probe.WaitReadyAsync(process, ReadyTimeout, ct).ConfigureAwait(false);
        if (ready is null)
        {
            result.Notes.Add($"sample {sample}: not ready within {ReadyTimeout.TotalSeconds} s ({Exited(process)}); see {LogPath(spec, build, $"sample{sample}")}");
            if (process.HasExited)
            {
                return;
            }

            // Running but without a readiness endpoint: the memory and shutdown measures still mean something.
            result.Notes.Add($"sample {sample}: idle RSS read {ReadyTimeout.TotalSeconds + options.IdleWait.TotalSeconds:F0} s after start instead (no /readyz)");
        }
        else
        {
            result.Ready.Add(ready.Value);
        }

        await Task.Delay(options.IdleWait, ct).ConfigureAwait(false);
        if (process.ReadRss() is { } rss)
        {
            result.IdleRss.Add(rss);
        }

        log($"  {spec.Name} {build.Mode} sample {sample}: ready {ready?.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) ?? "n/a"} ms, RSS {Mb(result.IdleRss.LastOrDefault())} MB");

        // Shutdown with a reconcile in flight: change a watched object, wait until a worker is busy, then SIGTERM.
        var inFlight = false;
        if (emulator is not null && spec.InFlightTemplate is not null)
        {
            await emulator.ApplyAsync(Expand(spec.InFlightTemplate, spec, emulator, port).Replace("{i}", $"inflight-{sample}", StringComparison.Ordinal), ct).ConfigureAwait(false);
            inFlight = await WaitForActiveWorkerAsync(probe, ct).ConfigureAwait(false);
        }

        var t0 = Stopwatch.GetTimestamp();
        process.Terminate();
        if (await process.WaitForExitAsync(ExitTimeout, ct).ConfigureAwait(false))
        {
            result.SigtermToExit.Add(Stopwatch.GetElapsedTime(t0));
            result.ExitCodes.Add(process.ExitCode);
            result.InFlight.Add(inFlight);
        }
        else
        {
            result.Notes.Add($"sample {sample}: no exit within {ExitTimeout.TotalSeconds} s of SIGTERM");
        }
    }

    private async Task BurstAsync(AddonSpec spec, PublishResult build, ModeResult result, CancellationToken ct)
    {
        await using var emulator = await StartEmulatorAsync(spec, ct).ConfigureAwait(false);
        var port = LoopbackPorts.Free();
        using var probe = new ProbeClient(port);
        await using var process = Start(spec, build, emulator, port, "burst");
        if (await probe.WaitReadyAsync(process, ReadyTimeout, ct).ConfigureAwait(false) is null)
        {
            result.Notes.Add($"burst: not ready ({Exited(process)})");
            return;
        }

        // Let start-up allocations settle so the peak is the burst's, not the start's.
        await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        using var samplerCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = SamplePeakAsync(process, samplerCts.Token);
        var template = Expand(spec.BurstTemplate!, spec, emulator, port);
        await emulator.ApplyManyAsync(template, options.BurstCount, ct).ConfigureAwait(false);
        await Task.Delay(options.BurstWindow, ct).ConfigureAwait(false);
        await samplerCts.CancelAsync().ConfigureAwait(false);
        result.BurstPeakRss = await sampler.ConfigureAwait(false);
        log($"  {spec.Name} {build.Mode} burst of {options.BurstCount}: peak RSS {Mb(result.BurstPeakRss ?? 0)} MB");
        if (process.HasExited)
        {
            result.Notes.Add($"burst: the process exited with {process.ExitCode} during the burst");
        }
    }

    private async Task TakeoverAsync(AddonSpec spec, PublishResult build, ModeResult result, CancellationToken ct)
    {
        await using var emulator = await StartEmulatorAsync(spec, ct).ConfigureAwait(false);
        var portA = LoopbackPorts.Free();
        var portB = LoopbackPorts.Free();
        using var probeA = new ProbeClient(portA);
        using var probeB = new ProbeClient(portB);
        await using var leader = Start(spec, build, emulator, portA, "replica-a");
        if (await probeA.WaitReadyAsync(leader, ReadyTimeout, ct).ConfigureAwait(false) is null)
        {
            result.Notes.Add($"takeover: replica A not ready ({Exited(leader)})");
            return;
        }

        var lease = LeaseName(spec);
        var holderA = await PollAsync(() => emulator.LeaseHolder(Namespace, lease), LeaseWait, ct).ConfigureAwait(false);
        if (holderA is null)
        {
            result.Notes.Add($"takeover: no holder on Lease {Namespace}/{lease} within {LeaseWait.TotalSeconds} s");
            return;
        }

        await using var standby = Start(spec, build, emulator, portB, "replica-b");
        if (await probeB.WaitReadyAsync(standby, ReadyTimeout, ct).ConfigureAwait(false) is null)
        {
            result.Notes.Add($"takeover: replica B not ready ({Exited(standby)})");
            return;
        }

        var t0 = Stopwatch.GetTimestamp();
        leader.Terminate();
        var holderB = await PollAsync(() => emulator.LeaseHolder(Namespace, lease) is { } h && h != holderA ? h : null, LeaseWait, ct).ConfigureAwait(false);
        if (holderB is null)
        {
            result.Notes.Add($"takeover: the standby did not hold the Lease within {LeaseWait.TotalSeconds} s of the leader's SIGTERM");
            return;
        }

        result.Takeover = Stopwatch.GetElapsedTime(t0);
        log($"  {spec.Name} {build.Mode} takeover: {result.Takeover.Value.TotalMilliseconds:F0} ms");
        await leader.WaitForExitAsync(ExitTimeout, ct).ConfigureAwait(false);
        standby.Terminate();
        await standby.WaitForExitAsync(ExitTimeout, ct).ConfigureAwait(false);
    }

    private async Task<EmulatorSession> StartEmulatorAsync(AddonSpec spec, CancellationToken ct)
    {
        var session = await EmulatorSession.StartAsync(Path.Combine(RepoPaths.Scratch(root), "run"), ct).ConfigureAwait(false);
        try
        {
            await session.ApplyAsync($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {Namespace}\n", ct).ConfigureAwait(false);
            var setup = LoadSetup(spec.SetupYaml);
            if (setup.Length > 0)
            {
                await session.ApplyAsync(setup, ct).ConfigureAwait(false);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private AddonProcess Start(AddonSpec spec, PublishResult build, EmulatorSession? emulator, int port, string run)
    {
        var workdir = Path.Combine(RepoPaths.Scratch(root), "run", spec.Name, "work");
        Directory.CreateDirectory(workdir);
        var args = spec.Args.Select(a => Expand(a, spec, emulator, port, workdir));
        var env = spec.Environment.ToDictionary(kv => kv.Key, kv => Expand(kv.Value, spec, emulator, port, workdir));
        return AddonProcess.Start(build.Executable, args, env, LogPath(spec, build, run));
    }

    private string LogPath(AddonSpec spec, PublishResult build, string run) =>
        Path.Combine(RepoPaths.Scratch(root), "logs", $"{spec.Name}-{build.Mode.ToString().ToLowerInvariant()}-{run}.log");

    private static string Expand(string text, AddonSpec spec, EmulatorSession? emulator, int port, string workdir = "") =>
        text.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{kubeconfig}", emulator?.Kubeconfig ?? "", StringComparison.Ordinal)
            .Replace("{namespace}", Namespace, StringComparison.Ordinal)
            .Replace("{lease}", LeaseName(spec), StringComparison.Ordinal)
            .Replace("{workdir}", workdir, StringComparison.Ordinal)
            .Replace("{freeport}", LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string LeaseName(AddonSpec spec) => $"{spec.Name}-footprint";

    // Lines "@path" include a YAML file, or every *.yaml/*.yml file of a folder, when it exists.
    private string LoadSetup(string setup)
    {
        var sb = new StringBuilder();
        foreach (var line in setup.Split('\n'))
        {
            if (!line.StartsWith('@'))
            {
                sb.Append(line).Append('\n');
                continue;
            }

            var path = Path.Combine(root, line[1..].Trim());
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : [];
            foreach (var file in files)
            {
                sb.Append("---\n").Append(File.ReadAllText(file)).Append('\n');
            }
        }

        // Drop empty documents (between adjacent separators, or from missing includes).
        var docs = sb.ToString().Split("\n---", StringSplitOptions.TrimEntries)
            .Select(d => d.StartsWith("---", StringComparison.Ordinal) ? d[3..].Trim() : d)
            .Where(d => d.Length > 0);
        return string.Join("\n---\n", docs);
    }

    private static async Task<bool> WaitForActiveWorkerAsync(ProbeClient probe, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(InFlightWait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await probe.ReadMetricAsync("controller_runtime_active_workers", ct).ConfigureAwait(false) > 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), ct).ConfigureAwait(false);
        }

        return false;
    }

    private static async Task<long?> SamplePeakAsync(AddonProcess process, CancellationToken ct)
    {
        long? peak = null;
        using var timer = new PeriodicTimer(RssSampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (process.ReadRss() is { } rss && rss > (peak ?? 0))
                {
                    peak = rss;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The burst window ended: the peak so far is the answer.
        }

        return peak;
    }

    private static async Task<string?> PollAsync(Func<string?> read, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), ct).ConfigureAwait(false);
        }

        return null;
    }

    private static string Exited(AddonProcess p) => p.HasExited ? $"exited with {p.ExitCode}" : "still running";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using Addons.Kit.Testing.GitHub;

namespace Addons.Footprint;

/// <summary>
/// Measures a run-once addon (a CronJob such as gss): per sample a fresh emulated world (a generated GitHub
/// organization with a fixed latency per request), the binary run to completion, wall time from spawn to
/// exit and peak RSS (<c>VmHWM</c>, read every 10 ms until exit). Nothing here fails the run on a timing.
/// </summary>
internal sealed class JobMeasurer(string root, HarnessOptions options, Action<string> log)
{
    public const string Organization = "footprint";
    public const string Token = "footprint-token";
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);

    public async Task RunAsync(AddonSpec spec, PublishResult build, ModeResult result, CancellationToken ct)
    {
        var job = spec.Job!;
        for (var sample = 0; sample < options.Samples; sample++)
        {
            await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = Token, RateLimit = 1_000_000 }, ct).ConfigureAwait(false);
            var profile = GitHubOrgGenerator.Populate(github, Organization, job.Repos);
            github.Faults.Latency = TimeSpan.FromMilliseconds(job.LatencyMs);
            var env = spec.Environment.ToDictionary(kv => kv.Key, kv => Expand(kv.Value, github));
            var args = spec.Args.Select(a => Expand(a, github));
            var logPath = Path.Combine(RepoPaths.Scratch(root), "logs", $"{spec.Name}-{build.Mode.ToString().ToLowerInvariant()}-job{sample}.log");
            var started = Stopwatch.GetTimestamp();
            await using var process = AddonProcess.Start(build.Executable, args, env, logPath);
            long peak = 0;
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(RunBound);
            while (!process.HasExited && !bound.IsCancellationRequested)
            {
                peak = Math.Max(peak, process.ReadPeakRss() ?? 0);
                try
                {
                    await Task.Delay(10, bound.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The bound: reported below.
                }
            }

            if (!process.HasExited)
            {
                result.Notes.Add($"job sample {sample}: still running after {RunBound.TotalMinutes:F0} min; see {logPath}");
                continue;
            }

            var wall = Stopwatch.GetElapsedTime(started);
            result.JobWall.Add(wall);
            result.JobPeakRss.Add(peak);
            result.JobExitCodes.Add(process.ExitCode);
            log(string.Create(CultureInfo.InvariantCulture,
                $"  {spec.Name} {build.Mode} job {sample}: {profile.Repositories} repos at {job.LatencyMs} ms, {github.RequestCount} requests, {wall.TotalSeconds:F2} s, peak RSS {peak / 1048576.0:F1} MB, exit {process.ExitCode}"));
        }
    }

    private static string Expand(string text, GitHubEmulator github) =>
        text.Replace("{github}", github.BaseUrl, StringComparison.Ordinal)
            .Replace("{org}", Organization, StringComparison.Ordinal)
            .Replace("{token}", Token, StringComparison.Ordinal);
}

using System.Diagnostics;
using System.Globalization;
using Addons.Gss.Configuration;
using Addons.Gss.GitHub;
using Addons.Gss.Scanning;
using Addons.Kit.Testing.GitHub;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Gss.Bench;

/// <summary>
/// Runs the NativeAOT gss binary against a generated organization on the GitHub emulator with a fixed
/// latency per request and prints, per CONCURRENT_SCANS: wall time, requests, peak RSS (VmHWM). Then
/// scans twice in-process with one HTTP client to count what ETag conditional requests save.
/// <code>
/// dotnet run -c Release --project addons/gss/bench/Gss.Bench -- --binary artifacts/publish/gss/linux-x64/gss --repos 900 --latency-ms 50 --concurrency 10,25
/// </code>
/// </summary>
internal static class GssBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var options = Args(args);
        var binary = Path.GetFullPath(options.GetValueOrDefault("binary", "artifacts/publish/gss/linux-x64/gss"));
        var repos = int.Parse(options.GetValueOrDefault("repos", "900"), CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("latency-ms", "50"), CultureInfo.InvariantCulture));
        var concurrencies = options.GetValueOrDefault("concurrency", "10").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        if (!File.Exists(binary))
        {
            Console.Error.WriteLine($"gss binary not found at {binary}: dotnet publish addons/gss -c Release -r linux-x64 -o artifacts/publish/gss/linux-x64");
            return 2;
        }

        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = "bench-token", RateLimit = 15_000 }, ct);
        var profile = GitHubOrgGenerator.Populate(github, "bench", repos);
        github.Faults.Latency = latency;
        Console.WriteLine($"org: {profile.Repositories} repositories ({profile.Archived} archived, {profile.WithoutWorkflows} without workflows), " +
            $"{profile.Workflows} workflows, {profile.Scheduled} scheduled, {profile.BrokenYaml} broken YAML; latency {latency.TotalMilliseconds} ms/request");
        Console.WriteLine();
        Console.WriteLine("| CONCURRENT_SCANS | wall time (s) | requests | requests × latency / concurrency (s) | peak RSS (MB) | exit | workflows found |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var concurrency in concurrencies)
        {
            github.ClearRequests();
            github.RateLimit.Set(15_000, TimeSpan.FromHours(1));
            var (wall, peak, exit, output) = await RunBinaryAsync(binary, github, concurrency, ct);
            var requests = github.RequestCount;
            var found = output.Split('\n').FirstOrDefault(l => l.StartsWith("Total:", StringComparison.Ordinal)) ?? "?";
            var bound = requests * latency.TotalSeconds / concurrency;
            Console.WriteLine($"| {concurrency} | {wall.TotalSeconds:F2} | {requests} | {bound:F1} | {peak / 1024.0:F1} | {exit} | {found} |");
        }

        Console.WriteLine();
        await ETagRunsAsync(github, concurrencies[0], ct);
        return 0;
    }

    private static async Task<(TimeSpan Wall, long PeakKb, int Exit, string Output)> RunBinaryAsync(string binary, GitHubEmulator github, int concurrency, CancellationToken ct)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["GITHUB_TOKEN"] = "bench-token";
        info.Environment["GITHUB_ORG"] = "bench";
        info.Environment["GITHUB_BASE_URL"] = github.BaseUrl;
        info.Environment["CONCURRENT_SCANS"] = concurrency.ToString(CultureInfo.InvariantCulture);
        info.Environment["LOG_LEVEL"] = "WARN";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(status));
            await Task.Delay(5, ct);
        }

        await process.WaitForExitAsync(ct);
        watch.Stop();
        _ = await stderr;
        return (watch.Elapsed, peak, process.ExitCode, await stdout);
    }

    private static long ReadHighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }

        return 0;
    }

    /// <summary>Two scans with one HTTP client (one ETag cache): how many answers the second run got as 304.</summary>
    private static async Task ETagRunsAsync(GitHubEmulator github, int concurrency, CancellationToken ct)
    {
        using var http = new HttpClient();
        var options = new GssOptions
        {
            GitHubToken = "bench-token",
            Organization = "bench",
            ApiUrl = new Uri(github.ApiUrl),
            WebUrl = new Uri(github.BaseUrl),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"),
            ConcurrentScans = concurrency,
        };
        var client = new GitHubHttp(http, new GitHubHttpOptions { ApiUrl = options.ApiUrl, Token = options.GitHubToken }, TimeProvider.System, NullLogger<GitHubHttp>.Instance);
        var scanner = new Scanner(new GitHubClient(client), options, TimeProvider.System, NullLogger<Scanner>.Instance);
        Console.WriteLine("| ETag run (in-process, one cache) | wall time (s) | requests | 304 Not Modified | primary quota used |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var run = 1; run <= 2; run++)
        {
            github.RateLimit.Set(15_000, TimeSpan.FromHours(1));
            var before = client.Stats.Requests;
            var notModifiedBefore = client.Stats.NotModified;
            var watch = Stopwatch.StartNew();
            await scanner.ScanAsync(_ => ("bench", "bench", "bench"), ct);
            var requests = client.Stats.Requests - before;
            var notModified = client.Stats.NotModified - notModifiedBefore;
            Console.WriteLine($"| {run} | {watch.Elapsed.TotalSeconds:F2} | {requests} | {notModified} | {15_000 - github.RateLimit.Remaining} |");
        }
    }

    private static Dictionary<string, string> Args(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }

        return result;
    }
}

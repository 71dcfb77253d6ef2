using System.Globalization;
using Addons.Gss.Configuration;
using Addons.Gss.GitHub;
using Addons.Gss.Publishing;
using Addons.Gss.Scanning;
using Addons.Kit.Http;
using Addons.Kit.Jobs;
using Addons.Kit.Versioning;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Service;

/// <summary>
/// One run with validated settings: connectivity, scan, publish. <see cref="JobResult.Succeeded"/> (exit 0),
/// <see cref="JobResult.Failed"/> (1: GitHub unreachable, the organization could not be listed, publishing
/// failed) or <see cref="JobResult.Partial"/> (3: published, but some repositories could not be scanned —
/// named in the report and the log). Configuration errors (2) never get here.
/// </summary>
internal sealed partial class ScanRun(GssOptions options, OutboundHttp outbound, ILoggerFactory loggers, TimeProvider time, TextWriter output)
{
    /// <summary>Retries of one GitHub or Slack request after the first attempt.</summary>
    public const int MaxRetries = 3;

    /// <summary>First retry delay (then exponential with jitter). The default value is 500 ms; tests shorten it.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The scan's GitHub client, once <see cref="RunAsync"/> has created it (the benchmark reads its counters).</summary>
    public GitHubHttp? GitHub { get; private set; }

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var logger = loggers.CreateLogger("gss");
        var build = BuildInfo.FromEntryAssembly("gss");
        var userAgent = "gss/" + build.Version;
        var api = new Uri(options.ApiUrl.AbsoluteUri.TrimEnd('/') + "/");
        try
        {
            // One attempt per connectivity try: the retries are CONNECTIVITY_MAX_RETRIES, CONNECTIVITY_RETRY_INTERVAL apart.
            using var meta = outbound.CreateClient(new HttpTargetOptions
            {
                Name = "github-meta", AttemptTimeout = options.ConnectivityTimeout, MaxRetries = 0, UserAgent = userAgent,
            });
            await new ConnectivityCheck(meta, time, loggers.CreateLogger<ConnectivityCheck>())
                .RunAsync(options.ApiUrl, options.ConnectivityMaxRetries, options.ConnectivityRetryInterval, options.ConnectivityTimeout, ct);

            var github = GitHub ??= new GitHubHttp(outbound, new HttpTargetOptions
            {
                Name = "github",
                BaseAddress = api,
                AttemptTimeout = options.RequestTimeout,
                MaxRetries = MaxRetries,
                BaseDelay = RetryBaseDelay,
                // GitHub's primary window is an hour: a run waits for the reset rather than publishing a partial report.
                MaxRetryAfter = TimeSpan.FromHours(1),
                UserAgent = userAgent,
            }, options.GitHubToken);
            var scanner = new Scanner(new GitHubClient(github), options, time, loggers.CreateLogger<Scanner>());
            var report = await scanner.ScanAsync(_ => (build.Version, build.Commit, BuildDate()), ct);
            LogScanned(logger, report.Workflows.Count, report.Scanned, report.Failures.Count, report.DurationText, github.Stats.Requests, github.Stats.NotModified);

            using var slackClient = outbound.CreateClient(new HttpTargetOptions
            {
                Name = "slack",
                AttemptTimeout = options.RequestTimeout,
                MaxRetries = SlackHttp.MaxRateLimitWaits,
                BaseDelay = RetryBaseDelay,
                UserAgent = userAgent,
            });
            var slack = new SlackHttp(slackClient, options.RequestTimeout);
            IReportPublisher publisher = options.Publisher switch
            {
                PublisherType.SlackCanvas => new SlackCanvasPublisher(slack, options.SlackApiUrl, options.SlackToken!, options.SlackCanvasId!),
                PublisherType.SlackWebhook => new SlackWebhookPublisher(slack, options.SlackWebhookUrl!),
                PublisherType.Json => new JsonPublisher(output),
                PublisherType.Markdown => new MarkdownPublisher(output),
                _ => new ConsolePublisher(output),
            };
            await publisher.PublishAsync(report, ct);
            await output.FlushAsync(ct);

            if (report.Failures.Count > 0)
            {
                LogIncomplete(logger, report.Failures.Count, string.Join(", ", report.Failures.Select(f => f.Repository)));
                return JobResult.Partial;
            }

            return JobResult.Succeeded;
        }
        catch (ScanFailedException e)
        {
            LogFailed(logger, e.Message);
            return JobResult.Failed;
        }
        catch (PublishException e)
        {
            LogFailed(logger, e.Message);
            return JobResult.Failed;
        }
    }

    /// <summary>The commit date Nerdbank.GitVersioning stamps, as <c>yyyy-MM-dd</c>.</summary>
    private static string BuildDate() =>
        ThisAssembly.GitCommitDate is { } date && date != default ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan finished: {Workflows} scheduled workflows in {Scanned} repositories, {Failed} failed, {Duration}, {Requests} GitHub requests ({NotModified} answered 304 from the ETag cache)")]
    private static partial void LogScanned(ILogger logger, int workflows, int scanned, int failed, string duration, long requests, long notModified);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Failed} repositories could not be scanned: {Repositories} (exit 3)")]
    private static partial void LogIncomplete(ILogger logger, int failed, string repositories);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

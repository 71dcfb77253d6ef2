using System.Globalization;
using Addons.Gss.Configuration;
using Addons.Gss.GitHub;
using Addons.Gss.Publishing;
using Addons.Gss.Scanning;
using Addons.Kit.Versioning;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Service;

/// <summary>
/// One run: settings (exit 2 before any network call), connectivity, scan, publish; exit 0, 1 or 3
/// (<see cref="GssExitCodes"/>). SIGTERM/SIGINT cancel the run (exit 1).
/// </summary>
internal static partial class GssProgram
{
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, environment, new GssRuntime { Output = output }, stop.Token);
    }

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, GssRuntime runtime, CancellationToken ct)
    {
        CommandLine command;
        try
        {
            command = GssOptionsParser.Parse(args, environment);
        }
        catch (ConfigurationException e)
        {
            await runtime.Errors.WriteLineAsync("gss: " + e.Message);
            return GssExitCodes.Configuration;
        }

        var build = BuildInfo.FromEntryAssembly("gss");
        if (command.ShowHelp)
        {
            await runtime.Output.WriteAsync(HelpText.Render().AsMemory(), ct);
            return GssExitCodes.Success;
        }

        if (command.ShowVersion || command.Options is null)
        {
            await runtime.Output.WriteLineAsync(build.ToString());
            return GssExitCodes.Success;
        }

        var options = command.Options;
        using var loggers = GssLogging.Create(options.LogLevel, runtime.Errors);
        var logger = loggers.CreateLogger("gss");
        using var http = new HttpClient(runtime.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: runtime.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        try
        {
            await new ConnectivityCheck(http, runtime.Time, loggers.CreateLogger<ConnectivityCheck>())
                .RunAsync(options.ApiUrl, options.ConnectivityMaxRetries, options.ConnectivityRetryInterval, options.ConnectivityTimeout, ct);

            var github = new GitHubHttp(http, new GitHubHttpOptions
            {
                ApiUrl = options.ApiUrl,
                Token = options.GitHubToken,
                RequestTimeout = options.RequestTimeout,
                RetryBaseDelay = runtime.RetryBaseDelay,
                UserAgent = "gss/" + build.Version,
            }, runtime.Time, loggers.CreateLogger<GitHubHttp>());
            var scanner = new Scanner(new GitHubClient(github), options, runtime.Time, loggers.CreateLogger<Scanner>());
            var report = await scanner.ScanAsync(_ => (build.Version, build.Commit, BuildDate()), ct);
            LogScanned(logger, report.Workflows.Count, report.Scanned, report.Failures.Count, report.DurationText, github.Stats.Requests, github.Stats.RateLimitPauses);

            var slack = new SlackHttp(http, options.RequestTimeout, runtime.Time, loggers.CreateLogger<SlackHttp>());
            IReportPublisher publisher = options.Publisher switch
            {
                PublisherType.SlackCanvas => new SlackCanvasPublisher(slack, options.SlackApiUrl, options.SlackToken!, options.SlackCanvasId!),
                PublisherType.SlackWebhook => new SlackWebhookPublisher(slack, options.SlackWebhookUrl!),
                PublisherType.Json => new JsonPublisher(runtime.Output),
                PublisherType.Markdown => new MarkdownPublisher(runtime.Output),
                _ => new ConsolePublisher(runtime.Output),
            };
            await publisher.PublishAsync(report, ct);
            await runtime.Output.FlushAsync(ct);

            if (report.Failures.Count > 0)
            {
                LogIncomplete(logger, report.Failures.Count, string.Join(", ", report.Failures.Select(f => f.Repository)));
                return GssExitCodes.Incomplete;
            }

            return GssExitCodes.Success;
        }
        catch (ScanFailedException e)
        {
            LogFailed(logger, e.Message);
            return GssExitCodes.Failure;
        }
        catch (PublishException e)
        {
            LogFailed(logger, e.Message);
            return GssExitCodes.Failure;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogFailed(logger, "stopped by a signal before the report was published");
            return GssExitCodes.Failure;
        }
    }

    /// <summary>The commit date Nerdbank.GitVersioning stamps, as <c>yyyy-MM-dd</c>.</summary>
    private static string BuildDate() =>
        ThisAssembly.GitCommitDate is { } date && date != default ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan finished: {Workflows} scheduled workflows in {Scanned} repositories, {Failed} failed, {Duration}, {Requests} GitHub requests, {Pauses} rate-limit pauses")]
    private static partial void LogScanned(ILogger logger, int workflows, int scanned, int failed, string duration, long requests, long pauses);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Failed} repositories could not be scanned: {Repositories} (exit 3)")]
    private static partial void LogIncomplete(ILogger logger, int failed, string repositories);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

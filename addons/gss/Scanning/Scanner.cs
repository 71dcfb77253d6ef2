using System.Collections.Concurrent;
using System.Threading.Channels;
using Addons.Gss.Configuration;
using Addons.Gss.GitHub;
using Addons.Gss.Schedules;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Scanning;

/// <summary>
/// Scans one organization: lists every repository (all pages, streamed into the scan as they arrive),
/// skips archived and excluded ones, and lists the workflows (all pages) of <c>CONCURRENT_SCANS</c>
/// repositories at a time; each workflow's file, and for scheduled ones the latest run, the last author
/// and whether that account still exists, are fetched in a pool of workflows (<see cref="WorkflowSlots"/>)
/// shared by all repositories, so a repository's slot is not held through its workflows' round trips.
/// <para><b>Guarantees:</b> a repository that fails (after the HTTP client's retries and rate-limit
/// pauses) is recorded in <see cref="ScanReport.Failures"/> with its reason, never silently dropped.
/// A failure to list the organization throws <see cref="ScanFailedException"/> with likely causes.</para>
/// </summary>
internal sealed partial class Scanner(GitHubClient github, GssOptions options, TimeProvider time, ILogger<Scanner> logger)
{
    /// <summary>GitHub's guidance for concurrent requests of one client; the pool stays within it unless CONCURRENT_SCANS alone exceeds it.</summary>
    internal const int MaxInFlight = 100;

    /// <summary>
    /// Workflows in flight (file, then latest run and last author at once, then the author's account), shared by
    /// every repository: 6 × <c>CONCURRENT_SCANS</c>, kept with the listings within <see cref="MaxInFlight"/>, and
    /// at least <c>CONCURRENT_SCANS</c>. 10 → 10 listings + 60 workflows; 25 → 25 + 75; 50 → 50 + 50.
    /// </summary>
    internal static int WorkflowSlots(int concurrentScans) =>
        Math.Max(concurrentScans, Math.Min(6 * concurrentScans, MaxInFlight - concurrentScans));

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _users = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ScanReport> ScanAsync(Func<DateTimeOffset, (string Version, string Commit, string BuildDate)> build, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var found = new ConcurrentBag<ScheduledWorkflow>();
        var failures = new ConcurrentBag<RepositoryFailure>();
        var details = new ConcurrentBag<Task>();
        using var workflowSlots = new SemaphoreSlim(WorkflowSlots(options.ConcurrentScans));

        // Repositories stream from the listing into the scan page by page: page 2 is fetched while page 1's repositories are scanned.
        var channel = Channel.CreateUnbounded<Repository>(new UnboundedChannelOptions { SingleWriter = true });
        var listing = ListAsync(channel.Writer, ct);
        await Parallel.ForEachAsync(channel.Reader.ReadAllAsync(ct), new ParallelOptions { MaxDegreeOfParallelism = options.ConcurrentScans, CancellationToken = ct }, async (repo, token) =>
        {
            List<Workflow> workflows;
            try
            {
                workflows = await github.ListWorkflowsAsync(options.Organization, repo.Name, token);
            }
            catch (GitHubApiException e)
            {
                Fail(repo.Name, e.Message);
                return;
            }

            // The repository's slot is free again: its workflows go on in the shared pool.
            details.Add(ScanWorkflowsAsync(repo.Name, workflows, workflowSlots, now, found, ct));
        });

        var counts = await listing;
        await Task.WhenAll(details);

        var finished = time.GetUtcNow();
        var (version, commit, buildDate) = build(finished);
        return new ScanReport
        {
            Organization = options.Organization,
            TimeZone = options.TimeZoneId,
            Workflows = found.OrderBy(w => w.Repository, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Path, StringComparer.Ordinal).ToList(),
            Failures = failures.OrderBy(f => f.Repository, StringComparer.Ordinal).ToList(),
            RepositoriesTotal = counts.Total,
            Excluded = counts.Excluded,
            ArchivedSkipped = counts.Archived,
            Scanned = counts.ToScan,
            Duration = time.GetElapsedTime(started),
            Version = version,
            Commit = commit,
            BuildDate = buildDate,
            GeneratedAt = finished,
        };

        void Fail(string repo, string reason)
        {
            LogRepositoryFailed(logger, repo, reason);
            failures.Add(new RepositoryFailure(repo, reason));
        }

        async Task ScanWorkflowsAsync(string repo, List<Workflow> workflows, SemaphoreSlim slots, DateTimeOffset at, ConcurrentBag<ScheduledWorkflow> into, CancellationToken token)
        {
            var scanned = workflows.Select(async workflow =>
            {
                await slots.WaitAsync(token);
                try
                {
                    return await ScanWorkflowAsync(repo, workflow, at, token);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            try
            {
                var results = await Task.WhenAll(scanned);
                foreach (var workflow in results.OfType<ScheduledWorkflow>())
                {
                    into.Add(workflow);
                }
            }
            catch (GitHubApiException e)
            {
                // One failed request fails the repository (never a quietly incomplete report); the first error is its reason.
                Fail(repo, e.Message);
            }
        }
    }

    /// <summary>Lists every page of the organization's repositories, writing the ones to scan as each page arrives.</summary>
    private async Task<(int Total, int Archived, int Excluded, int ToScan)> ListAsync(ChannelWriter<Repository> writer, CancellationToken ct)
    {
        int total = 0, archived = 0, excluded = 0, toScan = 0;
        try
        {
            await foreach (var page in github.ListOrganizationRepositoryPagesAsync(options.Organization, ct))
            {
                foreach (var repo in page)
                {
                    total++;
                    if (repo.Archived && !options.IncludeArchived)
                    {
                        archived++;
                    }
                    else if (options.ExcludedRepositories.Contains(repo.Name))
                    {
                        excluded++;
                    }
                    else
                    {
                        toScan++;
                        writer.TryWrite(repo);
                    }
                }
            }
        }
        catch (GitHubApiException e)
        {
            throw new ScanFailedException(
                $"Failed to list repositories of organization '{options.Organization}': {e.Message}. Likely causes: GITHUB_TOKEN is invalid or expired, " +
                "it lacks the repo and read:org scopes, GITHUB_ORG is misspelled, or GITHUB_BASE_URL is unreachable through the network or proxy.", e);
        }
        finally
        {
            writer.TryComplete();
        }

        LogListed(logger, total, archived, excluded, toScan);
        return (total, archived, excluded, toScan);
    }

    private async Task<ScheduledWorkflow?> ScanWorkflowAsync(string repo, Workflow workflow, DateTimeOffset now, CancellationToken ct)
    {
        var org = options.Organization;
        var text = await github.GetFileTextAsync(org, repo, workflow.Path, ct);
        if (text is null)
        {
            LogSkipped(logger, repo, workflow.Path, "file not found");
            return null;
        }

        if (!WorkflowYaml.TryReadCrons(text, out var crons, out var error))
        {
            LogSkipped(logger, repo, workflow.Path, "invalid YAML: " + error);
            return null;
        }

        if (crons.Count == 0)
        {
            return null;
        }

        var runTask = github.GetLatestRunAsync(org, repo, workflow.Id, ct);
        var authorTask = github.GetLastAuthorAsync(org, repo, workflow.Path, ct);
        var run = await runTask;
        var login = await authorTask;
        bool? active = login is null ? null : await UserExistsAsync(login, ct);
        var status = run is null || run.Status != "completed" ? ScheduledWorkflow.NeverRun : run.Conclusion ?? "unknown";
        return new ScheduledWorkflow(
            repo,
            workflow.Name,
            workflow.Id,
            workflow.Path,
            crons,
            crons.Select(c => CronLocalizer.ToZone(c, options.TimeZone, now)).ToList(),
            status,
            login ?? ScheduledWorkflow.UnknownAuthor,
            active,
            workflow.HtmlUrl ?? $"{options.WebUrl.AbsoluteUri.TrimEnd('/')}/{org}/{repo}/blob/HEAD/{workflow.Path}");
    }

    /// <summary>One <c>/users/{login}</c> per login per scan, shared by every workflow that needs it.</summary>
    private Task<bool> UserExistsAsync(string login, CancellationToken ct)
    {
        var lazy = _users.GetOrAdd(login, l => new Lazy<Task<bool>>(() => github.UserExistsAsync(l, ct)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed lookup is retried by the next workflow rather than cached as an answer.
            _users.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(login, lazy));
        }

        return task;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization lists {Total} repositories: {Archived} archived skipped, {Excluded} excluded, {ToScan} to scan")]
    private static partial void LogListed(ILogger logger, int total, int archived, int excluded, int toScan);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipping {Repository}/{Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string repository, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Repository {Repository} could not be scanned: {Reason}")]
    private static partial void LogRepositoryFailed(ILogger logger, string repository, string reason);
}

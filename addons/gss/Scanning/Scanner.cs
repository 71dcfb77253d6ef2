using System.Collections.Concurrent;
using Addons.Gss.Configuration;
using Addons.Gss.GitHub;
using Addons.Gss.Schedules;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Scanning;

/// <summary>
/// Scans one organization: lists every repository (all pages), skips archived and excluded ones, and
/// scans the rest <c>CONCURRENT_SCANS</c> at a time — all workflow pages, each workflow's file, and for
/// scheduled ones the latest run, the last author and whether that account still exists.
/// <para><b>Guarantees:</b> a repository that fails (after the HTTP client's retries and rate-limit
/// pauses) is recorded in <see cref="ScanReport.Failures"/> with its reason, never silently dropped.
/// A failure to list the organization throws <see cref="ScanFailedException"/> with likely causes.</para>
/// </summary>
internal sealed partial class Scanner(GitHubClient github, GssOptions options, TimeProvider time, ILogger<Scanner> logger)
{
    /// <summary>Workflow files of one repository fetched at once.</summary>
    private const int WorkflowsInFlight = 8;

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _users = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ScanReport> ScanAsync(Func<DateTimeOffset, (string Version, string Commit, string BuildDate)> build, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        List<Repository> repositories;
        try
        {
            repositories = await github.ListOrganizationRepositoriesAsync(options.Organization, ct);
        }
        catch (GitHubApiException e)
        {
            throw new ScanFailedException(
                $"Failed to list repositories of organization '{options.Organization}': {e.Message}. Likely causes: GITHUB_TOKEN is invalid or expired, " +
                "it lacks the repo and read:org scopes, GITHUB_ORG is misspelled, or GITHUB_BASE_URL is unreachable through the network or proxy.", e);
        }

        var archived = options.IncludeArchived ? 0 : repositories.Count(r => r.Archived);
        var candidates = repositories.Where(r => options.IncludeArchived || !r.Archived).ToList();
        var excluded = candidates.Count(r => options.ExcludedRepositories.Contains(r.Name));
        var toScan = candidates.Where(r => !options.ExcludedRepositories.Contains(r.Name)).ToList();
        LogListed(logger, repositories.Count, archived, excluded, toScan.Count);

        var found = new ConcurrentBag<ScheduledWorkflow>();
        var failures = new ConcurrentBag<RepositoryFailure>();
        var now = time.GetUtcNow();
        await Parallel.ForEachAsync(toScan, new ParallelOptions { MaxDegreeOfParallelism = options.ConcurrentScans, CancellationToken = ct }, async (repo, token) =>
        {
            try
            {
                foreach (var workflow in await ScanRepositoryAsync(repo.Name, now, token))
                {
                    found.Add(workflow);
                }
            }
            catch (GitHubApiException e)
            {
                LogRepositoryFailed(logger, repo.Name, e.Message);
                failures.Add(new RepositoryFailure(repo.Name, e.Message));
            }
        });

        var finished = time.GetUtcNow();
        var (version, commit, buildDate) = build(finished);
        return new ScanReport
        {
            Organization = options.Organization,
            TimeZone = options.TimeZone.Id,
            Workflows = found.OrderBy(w => w.Repository, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Path, StringComparer.Ordinal).ToList(),
            Failures = failures.OrderBy(f => f.Repository, StringComparer.Ordinal).ToList(),
            RepositoriesTotal = repositories.Count,
            Excluded = excluded,
            ArchivedSkipped = archived,
            Scanned = toScan.Count,
            Duration = time.GetElapsedTime(started),
            Version = version,
            Commit = commit,
            BuildDate = buildDate,
            GeneratedAt = finished,
        };
    }

    private async Task<List<ScheduledWorkflow>> ScanRepositoryAsync(string repo, DateTimeOffset now, CancellationToken ct)
    {
        var workflows = await github.ListWorkflowsAsync(options.Organization, repo, ct);
        using var slots = new SemaphoreSlim(WorkflowsInFlight);
        var scanned = await Task.WhenAll(workflows.Select(async workflow =>
        {
            await slots.WaitAsync(ct);
            try
            {
                return await ScanWorkflowAsync(repo, workflow, now, ct);
            }
            finally
            {
                slots.Release();
            }
        }));
        return scanned.OfType<ScheduledWorkflow>().ToList();
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

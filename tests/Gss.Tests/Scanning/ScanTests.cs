using System.Text.Json;
using Addons.Gss.Tests.Service;
using Addons.Kit.Testing.GitHub;

namespace Addons.Gss.Tests.Scanning;

/// <summary>Whole runs of gss against the GitHub emulator (real HTTP on loopback), json publisher for assertions.</summary>
public sealed class ScanTests
{
    private static GitHubWorkflowFile Scheduled(long id, string name, string author, params string[] crons) =>
        new(id, name, $".github/workflows/{name.ToLowerInvariant().Replace(' ', '-')}.yml", GitHubOrgGenerator.ScheduledYaml(name, crons)) { LastAuthor = author };

    private static async Task<GitHubEmulator> StartAsync(CancellationToken ct, int maxPerPage = 100)
    {
        var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = GssRun.Token, MaxPerPage = maxPerPage }, ct);
        github.AddUser("alice");
        var org = github.AddOrganization("acme");
        var app = new GitHubRepository(1, "app");
        var nightly = Scheduled(10, "Nightly", "alice", "0 9 * * *", "30 14 * * 1");
        nightly.Runs.Add(new GitHubRun(100, "completed", "failure"));
        app.Workflows.Add(nightly);
        app.Workflows.Add(Scheduled(11, "Never", "bob", "0 0 * * *"));
        var running = Scheduled(12, "Running", "alice", "*/15 * * * *");
        running.Runs.Add(new GitHubRun(101, "in_progress", null));
        app.Workflows.Add(running);
        var unknown = Scheduled(13, "Orphan", "alice", "0 20 * * 5");
        unknown.LastAuthor = null;
        unknown.Runs.Add(new GitHubRun(102, "completed", "success"));
        app.Workflows.Add(unknown);
        app.Workflows.Add(new GitHubWorkflowFile(14, "CI", ".github/workflows/ci.yml", "name: CI\non: push\njobs: {}\n") { LastAuthor = "alice" });
        app.Workflows.Add(new GitHubWorkflowFile(15, "PR", ".github/workflows/pr.yml", "name: PR\non: [push, pull_request]\n") { LastAuthor = "alice" });
        app.Workflows.Add(new GitHubWorkflowFile(16, "Empty", ".github/workflows/empty.yml", "name: Empty\non:\n  schedule: []\n") { LastAuthor = "alice" });
        app.Workflows.Add(new GitHubWorkflowFile(17, "NoOn", ".github/workflows/noon.yml", "name: NoOn\njobs: {}\n") { LastAuthor = "alice" });
        app.Workflows.Add(new GitHubWorkflowFile(18, "Broken", ".github/workflows/broken.yml", "on:\n  schedule:\n   - cron: [\n") { LastAuthor = "alice" });
        app.Workflows.Add(new GitHubWorkflowFile(19, "Gone", ".github/workflows/gone.yml", "") { Yaml = null, LastAuthor = "alice" });
        org.Repositories.Add(app);
        org.Repositories.Add(new GitHubRepository(2, "empty"));
        var old = new GitHubRepository(3, "old") { Archived = true };
        old.Workflows.Add(Scheduled(30, "Archived nightly", "alice", "0 1 * * *"));
        org.Repositories.Add(old);
        var skip = new GitHubRepository(4, "skip-me");
        skip.Workflows.Add(Scheduled(40, "Excluded nightly", "alice", "0 1 * * *"));
        org.Repositories.Add(skip);
        return github;
    }

    private static Dictionary<string, string> Json(GitHubEmulator github, string? exclude = null)
    {
        var env = GssRun.Environment(github);
        env["PUBLISHER_TYPE"] = "json";
        if (exclude is not null)
        {
            env["EXCLUDE_FILE"] = exclude;
        }

        return env;
    }

    [Fact]
    public async Task Run_MixedOrganization_ReportsEveryScheduledWorkflowCorrectly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token, maxPerPage: 3);
        var exclude = Path.GetTempFileName();
        await File.WriteAllTextAsync(exclude, "# not ours\nskip-me\n", cts.Token);

        var result = await GssRun.RunAsync(Json(github, exclude), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        using var doc = JsonDocument.Parse(result.Output);
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("repositoriesTotal").GetInt32());
        Assert.Equal(1, summary.GetProperty("excluded").GetInt32());
        Assert.Equal(1, summary.GetProperty("archivedSkipped").GetInt32());
        Assert.Equal(2, summary.GetProperty("scanned").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        var workflows = doc.RootElement.GetProperty("workflows").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!);
        Assert.Equal(["Never", "Nightly", "Orphan", "Running"], workflows.Keys.Order(StringComparer.Ordinal));

        var nightly = workflows["Nightly"];
        Assert.Equal(["0 9 * * *", "30 14 * * 1"], nightly.GetProperty("utcSchedules").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["0 18 * * *", "30 23 * * 1"], nightly.GetProperty("localSchedules").EnumerateArray().Select(e => e.GetProperty("cron").GetString()));
        Assert.Equal("failure", nightly.GetProperty("lastStatus").GetString());
        Assert.Equal("alice", nightly.GetProperty("lastAuthor").GetString());
        Assert.True(nightly.GetProperty("authorActive").GetBoolean());

        Assert.Equal("never_run", workflows["Never"].GetProperty("lastStatus").GetString());
        Assert.False(workflows["Never"].GetProperty("authorActive").GetBoolean());
        Assert.Equal("never_run", workflows["Running"].GetProperty("lastStatus").GetString());
        Assert.True(workflows["Running"].GetProperty("localSchedules")[0].GetProperty("utcRelative").GetBoolean());
        Assert.Equal("Unknown", workflows["Orphan"].GetProperty("lastAuthor").GetString());
        Assert.Equal(JsonValueKind.Null, workflows["Orphan"].GetProperty("authorActive").ValueKind);
        Assert.Equal("success", workflows["Orphan"].GetProperty("lastStatus").GetString());

        var requests = github.Requests;
        Assert.Equal(4, requests.Count(r => r.Route == GitHubRoute.Workflows && r.Repository == "app"));
        Assert.Equal(2, requests.Count(r => r.Route == GitHubRoute.OrgRepos));
        Assert.DoesNotContain(requests, r => r.Repository is "old" or "skip-me");
        Assert.DoesNotContain(requests, r => r.Route is GitHubRoute.Runs or GitHubRoute.Commits && r.PathAndQuery.Contains("ci.yml", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Route == GitHubRoute.Runs && r.PathAndQuery.Contains("/14/", StringComparison.Ordinal));
        Assert.Equal(4, requests.Count(r => r.Route == GitHubRoute.Runs));
        Assert.Equal(1, requests.Count(r => r.Route == GitHubRoute.Users && r.PathAndQuery.EndsWith("/alice", StringComparison.Ordinal)));
        Assert.DoesNotContain(GssRun.Token, result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PersistentServerErrorOnOneRepository_Exit3NamingIt()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        github.Faults.AddError(500, GitHubRoute.Workflows, "empty");

        var result = await GssRun.RunAsync(Json(github), cts.Token);

        Assert.Equal(3, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var failure = doc.RootElement.GetProperty("failures").EnumerateArray().Single();
        Assert.Equal("empty", failure.GetProperty("repository").GetString());
        Assert.Contains("500", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, doc.RootElement.GetProperty("workflows").GetArrayLength());
        Assert.Equal(4, github.Requests.Count(r => r.Repository == "empty"));
        Assert.Contains("could not be scanned: empty (exit 3)", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TransientServerErrors_RetriedAndComplete()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        var rule = github.Faults.AddError(502, GitHubRoute.Contents, "app", count: 2);

        var result = await GssRun.RunAsync(Json(github), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(2, rule.Hits);
        Assert.Equal(5, JsonDocument.Parse(result.Output).RootElement.GetProperty("workflows").GetArrayLength());
    }

    [Fact]
    public async Task Run_WorkflowsForbidden_RepositoryCountedAsFailedNotEmpty()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        github.Faults.AddError(403, GitHubRoute.Workflows, "app");

        var result = await GssRun.RunAsync(Json(github), cts.Token);

        Assert.Equal(3, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("app", doc.RootElement.GetProperty("failures")[0].GetProperty("repository").GetString());
        Assert.Equal(1, github.Requests.Count(r => r.Route == GitHubRoute.Workflows && r.Repository == "app"));
    }

    [Fact]
    public async Task Run_SecondaryAndPrimaryRateLimits_PauseAndResumeWithFullResults()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        github.Faults.AddError(429, GitHubRoute.Contents, "app", count: 1, retryAfter: TimeSpan.FromSeconds(1));
        github.Faults.AddError(403, GitHubRoute.Runs, "app", count: 1, retryAfter: TimeSpan.FromSeconds(1));
        github.RateLimit.Set(2, TimeSpan.FromSeconds(1));

        var result = await GssRun.RunAsync(Json(github), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(5, JsonDocument.Parse(result.Output).RootElement.GetProperty("workflows").GetArrayLength());
        Assert.Contains(github.Requests, r => r.StatusCode == 429);
        Assert.Contains("pausing every request", result.Errors, StringComparison.Ordinal);
        Assert.Contains("rate-limit pauses", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RepositoryListUnauthorized_Exit1WithLikelyCauses()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        var env = Json(github);
        env["GITHUB_TOKEN"] = "wrong-token";

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Failed to list repositories of organization 'acme'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("401 Bad credentials", result.Errors, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN is invalid or expired", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", result.Errors, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Run_MetaFailsEveryAttempt_Exit1AfterNAttempts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        github.Faults.AddError(500, GitHubRoute.Meta);
        var env = Json(github);
        env["CONNECTIVITY_MAX_RETRIES"] = "3";

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Failed to connect to GitHub Enterprise Server after 3 attempts: 500", result.Errors, StringComparison.Ordinal);
        Assert.Equal(3, github.RequestCount);
    }

    [Fact]
    public async Task Run_MetaFailsOnceThenAnswers_Connects()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await StartAsync(cts.Token);
        github.Faults.AddError(503, GitHubRoute.Meta, count: 1);

        var result = await GssRun.RunAsync(Json(github), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(2, github.Requests.Count(r => r.Route == GitHubRoute.Meta));
        Assert.Null(github.Requests.First(r => r.Route == GitHubRoute.Meta).Authorization);
    }

    [Fact]
    public async Task Run_Generated900RepositoryOrganization_FindsEveryScheduledWorkflow()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = GssRun.Token }, cts.Token);
        var profile = GitHubOrgGenerator.Populate(github, "big", 900);
        var env = Json(github);
        env["GITHUB_ORG"] = "big";

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(profile.Scheduled, doc.RootElement.GetProperty("workflows").GetArrayLength());
        Assert.Equal(900 - profile.Archived, doc.RootElement.GetProperty("summary").GetProperty("scanned").GetInt32());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Addons.Kit.Testing.GitHub;

namespace Addons.Kit.Testing.Tests.GitHub;

public sealed class GitHubEmulatorTests
{
    [Fact]
    public async Task Request_SpentBudget_Is403UntilTheWindowResets()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { TimeProvider = clock, RateLimit = 10 }, cts.Token);
        github.AddUser("dev");
        github.RateLimit.Set(0, TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(github.ApiUrl + "/") };

        using var limited = await http.GetAsync("users/dev", cts.Token);
        clock.Advance(TimeSpan.FromSeconds(31));
        using var after = await http.GetAsync("users/dev", cts.Token);

        Assert.Equal(HttpStatusCode.Forbidden, limited.StatusCode);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(clock.GetUtcNow().AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), limited.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Contains("API rate limit exceeded", await limited.Content.ReadAsStringAsync(cts.Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("9", after.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task Request_SecondaryLimitFault_Is429WithRetryAfterThenServes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);
        GitHubOrgGenerator.Populate(github, "acme", 3);
        var rule = github.Faults.AddError(429, GitHubRoute.Workflows, "service-0002", count: 1, retryAfter: TimeSpan.FromSeconds(7));
        using var http = new HttpClient { BaseAddress = new Uri(github.ApiUrl + "/") };

        using var other = await http.GetAsync("repos/acme/service-0001/actions/workflows", cts.Token);
        using var first = await http.GetAsync("repos/acme/service-0002/actions/workflows", cts.Token);
        using var second = await http.GetAsync("repos/acme/service-0002/actions/workflows", cts.Token);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Contains("secondary rate limit", await first.Content.ReadAsStringAsync(cts.Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, rule.Hits);
        Assert.Equal([200, 429, 200], github.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Request_MatchingETag_Is304AndFree()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);
        GitHubOrgGenerator.Populate(github, "acme", 2);
        using var http = new HttpClient { BaseAddress = new Uri(github.ApiUrl + "/") };

        using var first = await http.GetAsync("orgs/acme/repos", cts.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "orgs/acme/repos");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(request, cts.Token);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.GetValues("X-RateLimit-Remaining").Single(), second.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task OrgRepos_SmallPages_LinkHeaderWalksToTheEnd()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { MaxPerPage = 4 }, cts.Token);
        GitHubOrgGenerator.Populate(github, "acme", 10);
        using var http = new HttpClient();
        var names = new List<string>();

        string? next = github.ApiUrl + "/orgs/acme/repos?per_page=100";
        while (next is not null)
        {
            using var response = await http.GetAsync(next, cts.Token);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token));
            names.AddRange(doc.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(", ").Where(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal)).Select(l => l[1..l.IndexOf('>', StringComparison.Ordinal)]).SingleOrDefault()
                : null;
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"service-{i:D4}"), names);
        Assert.Equal(3, github.RequestCount);
    }

    [Fact]
    public async Task Request_WrongToken_Is401ButMetaIsOpen()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = "right" }, cts.Token);
        GitHubOrgGenerator.Populate(github, "acme", 1);
        using var http = new HttpClient { BaseAddress = new Uri(github.ApiUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", "wrong");

        using var repos = await http.GetAsync("orgs/acme/repos", cts.Token);
        using var meta = await http.GetAsync("meta", cts.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, repos.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
    }

    [Fact]
    public async Task Populate_900Repositories_GivesTheBenchmarkMix()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);

        var profile = GitHubOrgGenerator.Populate(github, "acme", 900, seed: 1);
        var workflows = github.FindOrganization("acme")!.Repositories.SelectMany(r => r.Workflows).ToList();

        Assert.Equal(900, profile.Repositories);
        Assert.Equal(workflows.Count, profile.Workflows);
        Assert.InRange(profile.Workflows, 2700, 3400);
        Assert.InRange(profile.Scheduled, 330, 470);
        Assert.InRange(profile.Archived, 10, 50);
        Assert.InRange(profile.WithoutWorkflows, 70, 150);
        Assert.True(profile.BrokenYaml > 0);
        Assert.Contains(workflows, w => w.LastAuthor is null);
        Assert.Contains(workflows, w => w.LastAuthor is { } a && !github.IsActiveUser(a));
        Assert.Contains(workflows, w => w.Runs.Count == 0);
    }
}

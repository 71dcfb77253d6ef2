using System.Text.Json;
using Addons.Kit.Testing.GitHub;
using Addons.Kit.Testing.Tests.Conformance;

namespace Addons.Kit.Testing.Tests.GitHub;

/// <summary>The GitHub emulator judged by the real <c>@octokit/rest</c> client (Node), as it would talk to GitHub.</summary>
public sealed class OctokitTests
{
    private const string Token = "ghp_octokit_probe_token";

    [Fact]
    public async Task Octokit_PaginatesReadsAndSeesRateLimit_AsAgainstGitHub()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = Token, MaxPerPage = 5 }, cts.Token);
        var org = github.AddOrganization("acme");
        for (var i = 0; i < 12; i++)
        {
            org.Repositories.Add(new GitHubRepository(i + 1, $"repo-{i:D2}") { Archived = i == 3 });
        }

        var app = org.Repositories[0];
        for (var w = 0; w < 7; w++)
        {
            var workflow = new GitHubWorkflowFile(100 + w, $"Workflow {w}", $".github/workflows/w{w}.yml",
                GitHubOrgGenerator.ScheduledYaml($"Workflow {w}", ["0 9 * * *"])) { LastAuthor = "dev-07" };
            workflow.Runs.Add(new GitHubRun(9000 + w, "completed", "failure"));
            app.Workflows.Add(workflow);
        }

        github.AddUser("dev-07");

        var result = await Kubectl.RunToolAsync("node",
            [Path.Combine(AppContext.BaseDirectory, "GitHub", "octokit-probe.mjs"), github.ApiUrl, "acme", Token, "repo-00"],
            null, cts.Token, new Dictionary<string, string> { ["OCTOKIT_REST"] = NodeTools.OctokitRest });

        Assert.True(result.ExitCode == 0, $"node exited {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal("3.14.0", root.GetProperty("meta").GetString());
        Assert.Equal(3, root.GetProperty("repoPages").GetInt32());
        Assert.Equal(12, root.GetProperty("repos").GetArrayLength());
        Assert.True(root.GetProperty("repos")[3].GetProperty("archived").GetBoolean());
        Assert.Equal(7, root.GetProperty("workflows").GetArrayLength());
        Assert.Equal(".github/workflows/w6.yml", root.GetProperty("workflows")[6].GetProperty("path").GetString());
        Assert.Equal("base64", root.GetProperty("encoding").GetString());
        Assert.Contains("- cron: '0 9 * * *'", root.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("runs").GetProperty("total").GetInt32());
        Assert.Equal("failure", root.GetProperty("runs").GetProperty("conclusion").GetString());
        Assert.Equal("dev-07", root.GetProperty("author").GetString());
        Assert.Equal("5000", root.GetProperty("rateLimit").GetProperty("limit").GetString());
        var remaining = int.Parse(root.GetProperty("rateLimit").GetProperty("remaining").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(remaining, 4980, 4999);
        Assert.Equal(304, root.GetProperty("conditional").GetInt32());
        Assert.Equal("dev-07", root.GetProperty("user").GetString());
        Assert.Equal(404, root.GetProperty("deletedUser").GetInt32());
        Assert.All(github.Requests.Where(r => r.Route != GitHubRoute.Meta), r => Assert.Equal("token " + Token, r.Authorization));
    }
}

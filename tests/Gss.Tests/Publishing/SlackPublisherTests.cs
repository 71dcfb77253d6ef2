using Addons.Gss.Tests.Service;
using Addons.Kit.Testing.GitHub;
using Addons.Kit.Testing.Slack;

namespace Addons.Gss.Tests.Publishing;

/// <summary>The Slack publishers end to end: gss against the GitHub emulator, publishing to the Slack fake.</summary>
public sealed class SlackPublisherTests
{
    private const string SlackToken = "xoxb-test-bot-token";

    private static async Task<GitHubEmulator> GitHubAsync(CancellationToken ct)
    {
        var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = GssRun.Token }, ct);
        github.AddUser("alice");
        var repo = new GitHubRepository(1, "app");
        var workflow = new GitHubWorkflowFile(10, "야간 배치", ".github/workflows/nightly.yml", GitHubOrgGenerator.ScheduledYaml("야간 배치", ["0 9 * * *"])) { LastAuthor = "alice" };
        workflow.Runs.Add(new GitHubRun(1, "completed", "failure"));
        repo.Workflows.Add(workflow);
        github.AddOrganization("acme").Repositories.Add(repo);
        return github;
    }

    private static Dictionary<string, string> Canvas(GitHubEmulator github, SlackFake slack)
    {
        var env = GssRun.Environment(github);
        env["PUBLISHER_TYPE"] = "slack-canvas";
        env["SLACK_TOKEN"] = SlackToken;
        env["SLACK_CHANNEL_ID"] = "C0123";
        env["SLACK_CANVAS_ID"] = "F0456";
        env["SLACK_BASE_URL"] = slack.BaseUrl;
        return env;
    }

    [Fact]
    public async Task SlackCanvas_Scan_ReplacesTheCanvasWithTheMarkdownReport()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = SlackToken, Canvases = ["F0456"] }, cts.Token);

        var result = await GssRun.RunAsync(Canvas(github, slack), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        var markdown = slack.CanvasMarkdown("F0456");
        Assert.NotNull(markdown);
        Assert.StartsWith("# Scheduled workflows in acme", markdown, StringComparison.Ordinal);
        Assert.Contains("## ❌ app / 야간 배치", markdown, StringComparison.Ordinal);
        Assert.Contains("- Schedule (Asia/Seoul): `0 18 * * *`", markdown, StringComparison.Ordinal);
        Assert.Contains("- Last author: alice (Active)", markdown, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.DoesNotContain(SlackToken, result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackCanvas_OkFalse_Exit1NamingSlacksError()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = SlackToken, Canvases = ["F-other"] }, cts.Token);

        var result = await GssRun.RunAsync(Canvas(github, slack), cts.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Slack canvases.edit failed: canvas_not_found", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackCanvas_RateLimitedTwice_WaitsRetryAfterAndSucceeds()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = SlackToken }, cts.Token);
        slack.RateLimitNext(2, TimeSpan.FromSeconds(1));

        var result = await GssRun.RunAsync(Canvas(github, slack), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal([429, 429, 200], slack.Received.Select(r => r.StatusCode));
        Assert.NotNull(slack.CanvasMarkdown("F0456"));
    }

    [Fact]
    public async Task SlackCanvas_RateLimitedBeyondRetries_Exit1()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(new SlackFakeOptions { Token = SlackToken }, cts.Token);
        slack.RateLimitNext(10, TimeSpan.FromSeconds(0));

        var result = await GssRun.RunAsync(Canvas(github, slack), cts.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("still rate limited after 3 waits", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackWebhook_Scan_PostsBlockKitSummary()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(null, cts.Token);
        var env = GssRun.Environment(github);
        env["PUBLISHER_TYPE"] = "slack-webhook";
        env["SLACK_BASE_URL"] = slack.BaseUrl;
        env["SLACK_WEBHOOK_URL"] = slack.WebhookUrl;

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        var received = slack.Received.Single();
        Assert.Equal(200, received.StatusCode);
        Assert.Equal("header", received.Json!["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.Contains("야간 배치", received.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("fakewebhooksecret", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackWebhook_Rejected_Exit1WithSlacksText()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubAsync(cts.Token);
        await using var slack = await SlackFake.StartAsync(null, cts.Token);
        slack.FailNext("invalid_payload");
        var env = GssRun.Environment(github);
        env["PUBLISHER_TYPE"] = "slack-webhook";
        env["SLACK_BASE_URL"] = slack.BaseUrl;
        env["SLACK_WEBHOOK_URL"] = slack.WebhookUrl;

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Slack incoming webhook failed: 400 invalid_payload", result.Errors, StringComparison.Ordinal);
    }
}

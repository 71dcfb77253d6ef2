using Addons.Gss.Tests.Service;
using Addons.Kit.Testing.GitHub;

namespace Addons.Gss.Tests.Configuration;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("GITHUB_TOKEN", null, "GITHUB_TOKEN is required")]
    [InlineData("GITHUB_ORG", null, "GITHUB_ORG is required")]
    [InlineData("GITHUB_BASE_URL", null, "GITHUB_BASE_URL is required")]
    [InlineData("GITHUB_BASE_URL", "ghe.example.com", "GITHUB_BASE_URL='ghe.example.com' is invalid")]
    [InlineData("GITHUB_BASE_URL", "ftp://ghe.example.com", "GITHUB_BASE_URL='ftp://ghe.example.com' is invalid")]
    [InlineData("PUBLISHER_TYPE", "email", "PUBLISHER_TYPE='email' is invalid: accepted console, slack-canvas, slack-webhook, json or markdown")]
    [InlineData("REQUEST_TIMEOUT", "0", "REQUEST_TIMEOUT='0' is invalid: accepted an integer of at least 1")]
    [InlineData("REQUEST_TIMEOUT", "ten", "REQUEST_TIMEOUT='ten' is invalid")]
    [InlineData("CONCURRENT_SCANS", "0", "CONCURRENT_SCANS='0' is invalid: accepted an integer from 1 to 100")]
    [InlineData("CONCURRENT_SCANS", "101", "CONCURRENT_SCANS='101' is invalid")]
    [InlineData("CONNECTIVITY_MAX_RETRIES", "0", "CONNECTIVITY_MAX_RETRIES='0' is invalid: accepted an integer of at least 1")]
    [InlineData("CONNECTIVITY_RETRY_INTERVAL", "-1", "CONNECTIVITY_RETRY_INTERVAL='-1' is invalid")]
    [InlineData("CONNECTIVITY_TIMEOUT", "0", "CONNECTIVITY_TIMEOUT='0' is invalid")]
    [InlineData("LOG_LEVEL", "VERBOSE", "LOG_LEVEL='VERBOSE' is invalid: accepted DEBUG, INFO, WARN or ERROR")]
    [InlineData("TIMEZONE", "Mars/Olympus", "TIMEZONE='Mars/Olympus' is invalid (unknown zone)")]
    [InlineData("EXCLUDE_FILE", "/nonexistent/exclude.txt", "EXCLUDE_FILE='/nonexistent/exclude.txt' is invalid (no such file)")]
    [InlineData("INCLUDE_ARCHIVED", "maybe", "INCLUDE_ARCHIVED='maybe' is invalid")]
    public async Task Run_InvalidSetting_Exit2WithOneLineBeforeAnyRequest(string name, string? value, string message)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);
        var env = GssRun.Environment(github);
        if (value is null)
        {
            env.Remove(name);
        }
        else
        {
            env[name] = value;
        }

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gss: " + message, result.Errors, StringComparison.Ordinal);
        Assert.Single(result.Errors.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, github.RequestCount);
    }

    [Theory]
    [InlineData("slack-canvas", "SLACK_TOKEN", null, "SLACK_TOKEN is required")]
    [InlineData("slack-canvas", "SLACK_TOKEN", "xoxp-user-token", "SLACK_TOKEN=<redacted> is invalid (not a bot token)")]
    [InlineData("slack-canvas", "SLACK_CHANNEL_ID", null, "SLACK_CHANNEL_ID is required")]
    [InlineData("slack-canvas", "SLACK_CANVAS_ID", null, "SLACK_CANVAS_ID is required")]
    [InlineData("slack-webhook", "SLACK_WEBHOOK_URL", null, "SLACK_WEBHOOK_URL is required")]
    [InlineData("slack-webhook", "SLACK_WEBHOOK_URL", "https://evil.example.com/services/T/B/secret", "SLACK_WEBHOOK_URL='https://evil.example.com/<redacted>' is invalid (must start with https://hooks.slack.com/)")]
    public async Task Run_InvalidSlackSetting_Exit2NamingItWithoutSecrets(string publisher, string name, string? value, string message)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);
        var env = GssRun.Environment(github);
        env["PUBLISHER_TYPE"] = publisher;
        env["SLACK_TOKEN"] = "xoxb-valid";
        env["SLACK_CHANNEL_ID"] = "C1";
        env["SLACK_CANVAS_ID"] = "F1";
        env["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T/B/x";
        if (value is null)
        {
            env.Remove(name);
        }
        else
        {
            env[name] = value;
        }

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gss: " + message, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxp-user-token", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, github.RequestCount);
    }

    [Fact]
    public async Task Run_SlackTokenBadButConsolePublisher_IsNotChecked()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var github = await GitHubEmulator.StartAsync(null, cts.Token);
        github.AddOrganization("acme");
        var env = GssRun.Environment(github);
        env["SLACK_TOKEN"] = "not-a-bot-token";

        var result = await GssRun.RunAsync(env, cts.Token);

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3")]
    [InlineData("https://ghe.example.com/", "https://ghe.example.com/api/v3")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3")]
    [InlineData("https://github.com", "https://api.github.com/")]
    public void GitHubUrls_Normalize_AppendsApiV3UnlessPresent(string raw, string api)
    {
        var (apiUrl, _) = Addons.Gss.Configuration.GitHubUrls.Normalize(Addons.Gss.Configuration.Settings.GitHubBaseUrl, raw);

        Assert.Equal(api, apiUrl.AbsoluteUri);
    }

    [Fact]
    public void ExcludeList_Parse_IgnoresCommentsAndBlankLines()
    {
        var names = Addons.Gss.Configuration.ExcludeList.Parse(["# legacy", "", "  service-0001  ", "service-0002 # old", "Service-0003"]);

        Assert.Equal(["Service-0003", "service-0001", "service-0002"], names.Order(StringComparer.Ordinal));
    }
}

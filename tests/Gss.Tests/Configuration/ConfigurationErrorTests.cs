using Addons.Gss.Tests.Service;
using Addons.Kit.Testing.GitHub;

namespace Addons.Gss.Tests.Configuration;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("GITHUB_TOKEN", null, "GITHUB_TOKEN: required but not set")]
    [InlineData("GITHUB_ORG", null, "--github-org (env GITHUB_ORG): required but not set")]
    [InlineData("GITHUB_BASE_URL", null, "--github-base-url (env GITHUB_BASE_URL): required but not set")]
    [InlineData("GITHUB_BASE_URL", "ghe.example.com", "--github-base-url (env GITHUB_BASE_URL): invalid value \"ghe.example.com\"; accepted values: an http(s) URL")]
    [InlineData("GITHUB_BASE_URL", "ftp://ghe.example.com", "--github-base-url (env GITHUB_BASE_URL): invalid value \"ftp://ghe.example.com\"")]
    [InlineData("PUBLISHER_TYPE", "email", "--publisher-type (env PUBLISHER_TYPE): invalid value \"email\"; accepted values: console, slack-canvas, slack-webhook, json or markdown")]
    [InlineData("REQUEST_TIMEOUT", "0", "--request-timeout (env REQUEST_TIMEOUT): invalid value \"0\"; accepted values: an integer from 1 to 86400 (seconds)")]
    [InlineData("REQUEST_TIMEOUT", "ten", "--request-timeout (env REQUEST_TIMEOUT): invalid value \"ten\"")]
    [InlineData("CONCURRENT_SCANS", "0", "--concurrent-scans (env CONCURRENT_SCANS): invalid value \"0\"; accepted values: an integer from 1 to 100")]
    [InlineData("CONCURRENT_SCANS", "101", "--concurrent-scans (env CONCURRENT_SCANS): invalid value \"101\"")]
    [InlineData("CONNECTIVITY_MAX_RETRIES", "0", "--connectivity-max-retries (env CONNECTIVITY_MAX_RETRIES): invalid value \"0\"; accepted values: an integer from 1 to 1000")]
    [InlineData("CONNECTIVITY_RETRY_INTERVAL", "-1", "--connectivity-retry-interval (env CONNECTIVITY_RETRY_INTERVAL): invalid value \"-1\"")]
    [InlineData("CONNECTIVITY_TIMEOUT", "0", "--connectivity-timeout (env CONNECTIVITY_TIMEOUT): invalid value \"0\"")]
    [InlineData("LOG_LEVEL", "LOUD", "--log-level (env LOG_LEVEL): invalid value \"LOUD\"; accepted values: trace, debug, info, warn")]
    [InlineData("TIMEZONE", "Mars/Olympus", "--timezone (env TIMEZONE): invalid value \"Mars/Olympus\"; accepted values: an IANA time zone")]
    [InlineData("EXCLUDE_FILE", "/nonexistent/exclude.txt", "--exclude-file (env EXCLUDE_FILE): cannot read \"/nonexistent/exclude.txt\" (no such file)")]
    [InlineData("INCLUDE_ARCHIVED", "maybe", "--include-archived (env INCLUDE_ARCHIVED): invalid value \"maybe\"")]
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
        Assert.StartsWith("configuration error: " + message, result.Errors, StringComparison.Ordinal);
        Assert.Single(result.Errors.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, github.RequestCount);
    }

    [Theory]
    [InlineData("slack-canvas", "SLACK_TOKEN", null, "SLACK_TOKEN: required by PUBLISHER_TYPE=slack-canvas")]
    [InlineData("slack-canvas", "SLACK_TOKEN", "xoxp-user-token", "SLACK_TOKEN: not a bot token; accepted values: a bot token starting with xoxb-")]
    [InlineData("slack-canvas", "SLACK_CHANNEL_ID", null, "--slack-channel-id (env SLACK_CHANNEL_ID): required by PUBLISHER_TYPE=slack-canvas")]
    [InlineData("slack-canvas", "SLACK_CANVAS_ID", null, "--slack-canvas-id (env SLACK_CANVAS_ID): required by PUBLISHER_TYPE=slack-canvas")]
    [InlineData("slack-webhook", "SLACK_WEBHOOK_URL", null, "SLACK_WEBHOOK_URL: required by PUBLISHER_TYPE=slack-webhook")]
    [InlineData("slack-webhook", "SLACK_WEBHOOK_URL", "https://evil.example.com/services/T/B/secret", "SLACK_WEBHOOK_URL: must start with https://hooks.slack.com/")]
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
        Assert.StartsWith("configuration error: " + message, result.Errors, StringComparison.Ordinal);
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
        Assert.True(Addons.Gss.Configuration.GitHubUrls.TryNormalize(raw, out var server));

        Assert.Equal(api, server.Api.AbsoluteUri);
    }

    [Fact]
    public void ExcludeList_Parse_IgnoresCommentsAndBlankLines()
    {
        var names = Addons.Gss.Configuration.ExcludeList.Parse(["# legacy", "", "  service-0001  ", "service-0002 # old", "Service-0003"]);

        Assert.Equal(["Service-0003", "service-0001", "service-0002"], names.Order(StringComparer.Ordinal));
    }
}

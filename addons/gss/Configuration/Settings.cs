namespace Addons.Gss.Configuration;

/// <summary>gss's settings; environment names are the original's (new ones are marked).</summary>
internal static class Settings
{
    public static readonly Setting GitHubToken = new("GITHUB_TOKEN", "a non-empty token", "Token with read access to the organization's repositories and Actions (required; never logged)");
    public static readonly Setting GitHubOrg = new("GITHUB_ORG", "an organization login", "Organization to scan (required)");
    public static readonly Setting GitHubBaseUrl = new("GITHUB_BASE_URL", "an http(s) URL such as https://ghe.example.com or https://github.com", "GitHub Enterprise Server URL; /api/v3 is appended unless present (required)");
    public static readonly Setting PublisherType = new("PUBLISHER_TYPE", "console, slack-canvas, slack-webhook, json or markdown", "Where the report goes (default console)");
    public static readonly Setting SlackToken = new("SLACK_TOKEN", "a bot token starting with xoxb-", "Slack bot token (slack-canvas)");
    public static readonly Setting SlackChannelId = new("SLACK_CHANNEL_ID", "a channel id such as C0123456789", "Channel of the canvas (slack-canvas)");
    public static readonly Setting SlackCanvasId = new("SLACK_CANVAS_ID", "a canvas id such as F0123456789", "Canvas to replace (slack-canvas)");
    public static readonly Setting SlackWebhookUrl = new("SLACK_WEBHOOK_URL", "an https://hooks.slack.com/ URL", "Incoming webhook (slack-webhook)");
    public static readonly Setting SlackBaseUrl = new("SLACK_BASE_URL", "an http(s) URL", "Slack root for tests and the sandbox; webhooks must then start with it (new; default https://slack.com)");
    public static readonly Setting LogLevel = new("LOG_LEVEL", "DEBUG, INFO, WARN or ERROR", "Minimum log level (default INFO)");
    public static readonly Setting RequestTimeout = new("REQUEST_TIMEOUT", "an integer of at least 1 (seconds)", "Timeout of one GitHub or Slack request (default 60)");
    public static readonly Setting ConcurrentScans = new("CONCURRENT_SCANS", "an integer from 1 to 100", "Repositories scanned at once (default 10)");
    public static readonly Setting ConnectivityMaxRetries = new("CONNECTIVITY_MAX_RETRIES", "an integer of at least 1", "Attempts of the connectivity check (default 3)");
    public static readonly Setting ConnectivityRetryInterval = new("CONNECTIVITY_RETRY_INTERVAL", "an integer of at least 0 (seconds)", "Pause between connectivity attempts (default 5)");
    public static readonly Setting ConnectivityTimeout = new("CONNECTIVITY_TIMEOUT", "an integer of at least 1 (seconds)", "Timeout of one connectivity attempt (default 5)");
    public static readonly Setting TimeZone = new("TIMEZONE", "an IANA time zone such as Asia/Seoul or UTC", "Zone of the local-time column (new; default Asia/Seoul)");
    public static readonly Setting ExcludeFile = new("EXCLUDE_FILE", "a readable file (one repository name per line, # comments)", "Repositories to skip (new; default /etc/gss/exclude-repos.txt, ignored when absent)");
    public static readonly Setting IncludeArchived = new("INCLUDE_ARCHIVED", "true or false", "Scan archived repositories too (new; default false)");

    public static readonly IReadOnlyList<Setting> All =
    [
        GitHubToken, GitHubOrg, GitHubBaseUrl, PublisherType, SlackToken, SlackChannelId, SlackCanvasId, SlackWebhookUrl,
        SlackBaseUrl, LogLevel, RequestTimeout, ConcurrentScans, ConnectivityMaxRetries, ConnectivityRetryInterval,
        ConnectivityTimeout, TimeZone, ExcludeFile, IncludeArchived,
    ];
}

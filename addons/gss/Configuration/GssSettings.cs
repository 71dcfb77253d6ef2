using Addons.Kit.Hosting;
using Addons.Kit.Settings;

namespace Addons.Gss.Configuration;

/// <summary>
/// gss's settings on the kit's front-end: the original's flat environment variable names (flags too,
/// except for secrets), one line and exit 2 for anything wrong — all before any network call.
/// </summary>
internal static class GssSettings
{
    private const string Slack = "Slack";
    private const string Scan = "Scan";

    /// <summary>The exit codes, printed at the end of <c>--help</c>.</summary>
    public const string ExitCodes = """
        Exit codes:
          0 every repository scanned and the report published
          1 GitHub unreachable, the organization could not be listed, or publishing failed
          2 a setting is missing or invalid (no network call was made)
          3 published, but some repositories could not be scanned (named in the report and the log)

        """;

    public static readonly AddonSettings<GssOptions> Definition = Create();

    private static AddonSettings<GssOptions> Create()
    {
        var definition = new AddonSettings<GssOptions>(
            "gss",
            "Lists the scheduled GitHub Actions workflows of a GitHub Enterprise organization and publishes the report.",
            Check)
        {
            Footer = ExitCodes,
        };
        definition.Add(All());
        return definition;
    }

    private static Setting[] All() =>
    [
        new OptionSetting<GssOptions, string>(SettingValues.Text("a non-empty token").Where("a non-empty token", t => t.Length > 0), o => null, (o, v) => o.GitHubToken = v)
        {
            Env = "GITHUB_TOKEN", Secret = true, Required = true, Help = "Token with read access to the organization's repositories and Actions (never logged)",
        },
        new OptionSetting<GssOptions, string>(SettingValues.Text("an organization login"), o => null, (o, v) => o.Organization = v)
        {
            Flag = "github-org", Env = "GITHUB_ORG", Required = true, Help = "Organization to scan",
        },
        new OptionSetting<GssOptions, GitHubServer>(GssValues.GitHubServer(), o => null, (o, v) => (o.ApiUrl, o.WebUrl) = (v.Api, v.Web))
        {
            Flag = "github-base-url", Env = "GITHUB_BASE_URL", Required = true, Help = "GitHub Enterprise Server URL; /api/v3 is appended unless present",
        },
        new OptionSetting<GssOptions, PublisherType>(
            SettingValues.Choice(("console", PublisherType.Console), ("slack-canvas", PublisherType.SlackCanvas), ("slack-webhook", PublisherType.SlackWebhook), ("json", PublisherType.Json), ("markdown", PublisherType.Markdown)),
            o => o.Publisher,
            (o, v) => o.Publisher = v)
        {
            Flag = "publisher-type", Env = "PUBLISHER_TYPE", Help = "Where the report goes",
        },
        new OptionSetting<GssOptions, string>(SettingValues.Text("a bot token starting with xoxb-"), o => null, (o, v) => o.SlackToken = v)
        {
            Env = "SLACK_TOKEN", Secret = true, Group = Slack, Help = "Slack bot token (slack-canvas; never logged)",
        },
        new OptionSetting<GssOptions, string>(SettingValues.Text("a channel id such as C0123456789"), o => null, (o, v) => o.SlackChannelId = v)
        {
            Flag = "slack-channel-id", Env = "SLACK_CHANNEL_ID", Group = Slack, Help = "Channel of the canvas (slack-canvas)",
        },
        new OptionSetting<GssOptions, string>(SettingValues.Text("a canvas id such as F0123456789"), o => null, (o, v) => o.SlackCanvasId = v)
        {
            Flag = "slack-canvas-id", Env = "SLACK_CANVAS_ID", Group = Slack, Help = "Canvas to replace (slack-canvas)",
        },
        new OptionSetting<GssOptions, Uri>(GssValues.HttpUrl("an https://hooks.slack.com/ URL"), o => null, (o, v) => o.SlackWebhookUrl = v)
        {
            Env = "SLACK_WEBHOOK_URL", Secret = true, Group = Slack, Help = "Incoming webhook (slack-webhook; its path is a secret)",
        },
        new OptionSetting<GssOptions, Uri>(GssValues.HttpUrl(), o => o.SlackBaseUrl, (o, v) => o.SlackBaseUrl = v)
        {
            Flag = "slack-base-url", Env = "SLACK_BASE_URL", Group = Slack, DefaultDescription = "https://slack.com",
            Help = "Slack root for tests and the sandbox; webhooks must then start with it (new)",
        },
        KitSettings.LogLevel with { Env = "LOG_LEVEL" },
        KitSettings.LogFormat,
        new OptionSetting<GssOptions, TimeSpan>(GssValues.Seconds(1, 86_400), o => o.RequestTimeout, (o, v) => o.RequestTimeout = v)
        {
            Flag = "request-timeout", Env = "REQUEST_TIMEOUT", Help = "Timeout of one GitHub or Slack request attempt",
        },
        new OptionSetting<GssOptions, int>(SettingValues.Integer(1, 100), o => o.ConcurrentScans, (o, v) => o.ConcurrentScans = v)
        {
            Flag = "concurrent-scans", Env = "CONCURRENT_SCANS", Group = Scan, Help = "Repositories scanned at once",
        },
        new OptionSetting<GssOptions, int>(SettingValues.Integer(1, 1000), o => o.ConnectivityMaxRetries, (o, v) => o.ConnectivityMaxRetries = v)
        {
            Flag = "connectivity-max-retries", Env = "CONNECTIVITY_MAX_RETRIES", Group = Scan, Help = "Attempts of the connectivity check",
        },
        new OptionSetting<GssOptions, TimeSpan>(GssValues.Seconds(0, 3600), o => o.ConnectivityRetryInterval, (o, v) => o.ConnectivityRetryInterval = v)
        {
            Flag = "connectivity-retry-interval", Env = "CONNECTIVITY_RETRY_INTERVAL", Group = Scan, Help = "Pause between connectivity attempts",
        },
        new OptionSetting<GssOptions, TimeSpan>(GssValues.Seconds(1, 3600), o => o.ConnectivityTimeout, (o, v) => o.ConnectivityTimeout = v)
        {
            Flag = "connectivity-timeout", Env = "CONNECTIVITY_TIMEOUT", Group = Scan, Help = "Timeout of one connectivity attempt",
        },
        new OptionSetting<GssOptions, string>(GssValues.TimeZoneId(), o => o.TimeZoneId, (o, v) => o.TimeZoneId = v)
        {
            Flag = "timezone", Env = "TIMEZONE", Group = Scan, Help = "Zone of the local-time column (new)",
        },
        new OptionSetting<GssOptions, string>(SettingValues.Text("a readable file (one repository name per line, # comments)"), o => o.ExcludeFile, (o, v) => o.ExcludeFile = v)
        {
            Flag = "exclude-file", Env = "EXCLUDE_FILE", Group = Scan, Help = "Repositories to skip (new; the default file may be absent)",
        },
        new OptionSetting<GssOptions, bool>(SettingValues.Boolean(), o => o.IncludeArchived, (o, v) => o.IncludeArchived = v)
        {
            Flag = "include-archived", Env = "INCLUDE_ARCHIVED", Group = Scan, Help = "Scan archived repositories too (new)",
        },
    ];

    /// <summary>Rules across settings: the Slack ones a publisher needs, and the exclude file read now (before any network call).</summary>
    private static SettingsError? Check(GssOptions options, AddonSettings<GssOptions> settings)
    {
        if (options.Publisher == PublisherType.SlackCanvas)
        {
            if (string.IsNullOrEmpty(options.SlackToken))
            {
                return SettingsError.For(settings.Settings.First(s => s.Env == "SLACK_TOKEN"), "required by PUBLISHER_TYPE=slack-canvas");
            }

            if (!options.SlackToken.StartsWith("xoxb-", StringComparison.Ordinal))
            {
                return SettingsError.For(settings.Settings.First(s => s.Env == "SLACK_TOKEN"), "not a bot token");
            }

            if (string.IsNullOrEmpty(options.SlackChannelId))
            {
                return SettingsError.For(settings["slack-channel-id"], "required by PUBLISHER_TYPE=slack-canvas");
            }

            if (string.IsNullOrEmpty(options.SlackCanvasId))
            {
                return SettingsError.For(settings["slack-canvas-id"], "required by PUBLISHER_TYPE=slack-canvas");
            }
        }
        else if (options.Publisher == PublisherType.SlackWebhook)
        {
            var webhook = settings.Settings.First(s => s.Env == "SLACK_WEBHOOK_URL");
            if (options.SlackWebhookUrl is null)
            {
                return SettingsError.For(webhook, "required by PUBLISHER_TYPE=slack-webhook");
            }

            if (!options.SlackWebhookUrl.AbsoluteUri.StartsWith(options.SlackWebhookPrefix, StringComparison.Ordinal))
            {
                return SettingsError.For(webhook, "must start with " + options.SlackWebhookPrefix);
            }
        }

        if (ExcludeList.TryRead(options.ExcludeFile, out var problem) is not { } excluded)
        {
            return SettingsError.For(settings["exclude-file"], $"cannot read \"{options.ExcludeFile}\" ({problem})");
        }

        options.ExcludedRepositories = excluded;
        return null;
    }
}

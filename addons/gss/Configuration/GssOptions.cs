namespace Addons.Gss.Configuration;

/// <summary>
/// gss's settings (<see cref="GssSettings.Definition"/> binds each one to its flat environment variable);
/// the property initialisers are the defaults — the original's unless marked new.
/// </summary>
internal sealed class GssOptions
{
    /// <summary>The default exclude file (absent is fine; a path given explicitly must exist).</summary>
    public const string DefaultExcludeFile = "/etc/gss/exclude-repos.txt";

    /// <summary><c>GITHUB_TOKEN</c> (required; never logged).</summary>
    public string GitHubToken { get; set; } = string.Empty;

    /// <summary><c>GITHUB_ORG</c> (required).</summary>
    public string Organization { get; set; } = string.Empty;

    /// <summary>The REST root, e.g. <c>https://ghe.example.com/api/v3</c> or <c>https://api.github.com</c> (from <c>GITHUB_BASE_URL</c>).</summary>
    public Uri ApiUrl { get; set; } = new("https://api.github.com");

    /// <summary>The web root for links, e.g. <c>https://ghe.example.com</c>.</summary>
    public Uri WebUrl { get; set; } = new("https://github.com");

    /// <summary>The default value is console.</summary>
    public PublisherType Publisher { get; set; } = PublisherType.Console;

    public string? SlackToken { get; set; }

    public string? SlackChannelId { get; set; }

    public string? SlackCanvasId { get; set; }

    public Uri? SlackWebhookUrl { get; set; }

    /// <summary><c>SLACK_BASE_URL</c> (new): the Slack root for tests and the sandbox; null = the real Slack.</summary>
    public Uri? SlackBaseUrl { get; set; }

    /// <summary>The Slack Web API root: <c>https://slack.com/api</c>, or <c>{SLACK_BASE_URL}/api</c>.</summary>
    public Uri SlackApiUrl => SlackBaseUrl is { } root ? new Uri(root.AbsoluteUri.TrimEnd('/') + "/api") : new Uri("https://slack.com/api");

    /// <summary>The prefix every incoming webhook URL must have.</summary>
    public string SlackWebhookPrefix => SlackBaseUrl is { } root ? root.AbsoluteUri.TrimEnd('/') + "/" : "https://hooks.slack.com/";

    /// <summary>Timeout of one GitHub or Slack attempt. The default value is 60 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Repositories scanned at once. The default value is 10.</summary>
    public int ConcurrentScans { get; set; } = 10;

    /// <summary>The default value is 3.</summary>
    public int ConnectivityMaxRetries { get; set; } = 3;

    /// <summary>The default value is 5 s.</summary>
    public TimeSpan ConnectivityRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The default value is 5 s.</summary>
    public TimeSpan ConnectivityTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>TIMEZONE</c> (new): the zone of the local-time column. The default value is Asia/Seoul (the original's hard-coded KST).</summary>
    public string TimeZoneId { get; set; } = "Asia/Seoul";

    /// <summary>The zone named by <see cref="TimeZoneId"/> (validated when the settings are read).</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary><c>EXCLUDE_FILE</c> (new name; the original's path is the default).</summary>
    public string ExcludeFile { get; set; } = DefaultExcludeFile;

    /// <summary>Repository names to skip (exact match), read from <see cref="ExcludeFile"/> when the settings are checked.</summary>
    public IReadOnlySet<string> ExcludedRepositories { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>INCLUDE_ARCHIVED</c> (new). The default value is false.</summary>
    public bool IncludeArchived { get; set; }
}

using Microsoft.Extensions.Logging;

namespace Addons.Gss.Configuration;

/// <summary>gss's validated settings; defaults are the original's unless marked new.</summary>
internal sealed record GssOptions
{
    public required string GitHubToken { get; init; }

    public required string Organization { get; init; }

    /// <summary>The REST root, e.g. <c>https://ghe.example.com/api/v3</c> or <c>https://api.github.com</c> (no trailing slash).</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>The web root for links, e.g. <c>https://ghe.example.com</c>.</summary>
    public required Uri WebUrl { get; init; }

    public PublisherType Publisher { get; init; } = PublisherType.Console;

    public string? SlackToken { get; init; }

    public string? SlackChannelId { get; init; }

    public string? SlackCanvasId { get; init; }

    public Uri? SlackWebhookUrl { get; init; }

    /// <summary>The Slack Web API root. The default value is <c>https://slack.com/api</c>.</summary>
    public Uri SlackApiUrl { get; init; } = new("https://slack.com/api");

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>The default value is 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The default value is 10.</summary>
    public int ConcurrentScans { get; init; } = 10;

    /// <summary>The default value is 3.</summary>
    public int ConnectivityMaxRetries { get; init; } = 3;

    /// <summary>The default value is 5 s.</summary>
    public TimeSpan ConnectivityRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The default value is 5 s.</summary>
    public TimeSpan ConnectivityTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The default value is Asia/Seoul (the original's hard-coded KST).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Repository names to skip (exact match).</summary>
    public IReadOnlySet<string> ExcludedRepositories { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IncludeArchived { get; init; }
}

using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Configuration;

/// <summary>
/// Reads and validates every setting — flag (<c>--github-org=acme</c>), else environment variable, else
/// default — without touching the network. Anything wrong throws <see cref="ConfigurationException"/>
/// naming the variable and what it accepts (exit 2). The exclude file is read here too.
/// </summary>
internal static class GssOptionsParser
{
    public const string DefaultExcludeFile = "/etc/gss/exclude-repos.txt";

    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var flags = ReadFlags(args, out var help, out var version);
        if (help || version)
        {
            return new CommandLine(null, help, version);
        }

        string? Raw(Setting s)
        {
            var value = flags.TryGetValue(s.EnvironmentVariable, out var flag) ? flag : environment(s.EnvironmentVariable);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        string Required(Setting s) => Raw(s) ?? throw ConfigurationException.Missing(s);

        var token = Required(Settings.GitHubToken);
        var org = Required(Settings.GitHubOrg);
        var (api, web) = GitHubUrls.Normalize(Settings.GitHubBaseUrl, Required(Settings.GitHubBaseUrl));
        var publisher = ParsePublisher(Raw(Settings.PublisherType));
        var slackBase = Raw(Settings.SlackBaseUrl) is { } sb ? ParseUrl(Settings.SlackBaseUrl, sb) : null;

        string? slackToken = null, channel = null, canvas = null;
        Uri? webhook = null;
        if (publisher == PublisherType.SlackCanvas)
        {
            slackToken = Required(Settings.SlackToken);
            if (!slackToken.StartsWith("xoxb-", StringComparison.Ordinal))
            {
                throw ConfigurationException.Invalid(Settings.SlackToken, slackToken, "not a bot token");
            }

            channel = Required(Settings.SlackChannelId);
            canvas = Required(Settings.SlackCanvasId);
        }
        else if (publisher == PublisherType.SlackWebhook)
        {
            var raw = Required(Settings.SlackWebhookUrl);
            var prefix = slackBase is null ? "https://hooks.slack.com/" : slackBase.AbsoluteUri.TrimEnd('/') + "/";
            if (!raw.StartsWith(prefix, StringComparison.Ordinal) || !Uri.TryCreate(raw, UriKind.Absolute, out webhook))
            {
                throw ConfigurationException.Invalid(Settings.SlackWebhookUrl, raw, "must start with " + prefix);
            }
        }

        return new CommandLine(new GssOptions
        {
            GitHubToken = token,
            Organization = org,
            ApiUrl = api,
            WebUrl = web,
            Publisher = publisher,
            SlackToken = slackToken,
            SlackChannelId = channel,
            SlackCanvasId = canvas,
            SlackWebhookUrl = webhook,
            SlackApiUrl = slackBase is null ? new Uri("https://slack.com/api") : new Uri(slackBase.AbsoluteUri.TrimEnd('/') + "/api"),
            LogLevel = ParseLogLevel(Raw(Settings.LogLevel)),
            RequestTimeout = TimeSpan.FromSeconds(ParseInteger(Settings.RequestTimeout, Raw(Settings.RequestTimeout), 60, 1, 86_400)),
            ConcurrentScans = ParseInteger(Settings.ConcurrentScans, Raw(Settings.ConcurrentScans), 10, 1, 100),
            ConnectivityMaxRetries = ParseInteger(Settings.ConnectivityMaxRetries, Raw(Settings.ConnectivityMaxRetries), 3, 1, 1000),
            ConnectivityRetryInterval = TimeSpan.FromSeconds(ParseInteger(Settings.ConnectivityRetryInterval, Raw(Settings.ConnectivityRetryInterval), 5, 0, 3600)),
            ConnectivityTimeout = TimeSpan.FromSeconds(ParseInteger(Settings.ConnectivityTimeout, Raw(Settings.ConnectivityTimeout), 5, 1, 3600)),
            TimeZone = ParseZone(Raw(Settings.TimeZone) ?? "Asia/Seoul"),
            ExcludedRepositories = ExcludeList.Read(Settings.ExcludeFile, Raw(Settings.ExcludeFile)),
            IncludeArchived = ParseBoolean(Settings.IncludeArchived, Raw(Settings.IncludeArchived)),
        }, false, false);
    }

    private static Dictionary<string, string> ReadFlags(IReadOnlyList<string> args, out bool help, out bool version)
    {
        help = false;
        version = false;
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (arg is "--version")
            {
                version = true;
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            var setting = Settings.All.FirstOrDefault(s => s.Flag == name)
                ?? throw new ConfigurationException($"unknown argument '{name}': accepted --help, --version or one of {string.Join(", ", Settings.All.Select(s => s.Flag))}");
            var value = eq >= 0 ? arg[(eq + 1)..]
                : i + 1 < args.Count ? args[++i]
                : throw new ConfigurationException($"{setting.Flag} needs a value: accepted {setting.Accepted}");
            flags[setting.EnvironmentVariable] = value;
        }

        return flags;
    }

    private static PublisherType ParsePublisher(string? raw) => raw?.ToLowerInvariant() switch
    {
        null or "console" => PublisherType.Console,
        "slack-canvas" => PublisherType.SlackCanvas,
        "slack-webhook" => PublisherType.SlackWebhook,
        "json" => PublisherType.Json,
        "markdown" => PublisherType.Markdown,
        _ => throw ConfigurationException.Invalid(Settings.PublisherType, raw),
    };

    private static LogLevel ParseLogLevel(string? raw) => raw?.ToUpperInvariant() switch
    {
        null or "INFO" => LogLevel.Information,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        _ => throw ConfigurationException.Invalid(Settings.LogLevel, raw),
    };

    private static int ParseInteger(Setting setting, string? raw, int fallback, int min, int max)
    {
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ConfigurationException.Invalid(setting, raw);
    }

    private static bool ParseBoolean(Setting setting, string? raw) => raw?.ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw ConfigurationException.Invalid(setting, raw),
    };

    private static Uri ParseUrl(Setting setting, string raw) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw ConfigurationException.Invalid(setting, raw);

    private static TimeZoneInfo ParseZone(string raw)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(raw);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ConfigurationException.Invalid(Settings.TimeZone, raw, "unknown zone");
        }
    }
}

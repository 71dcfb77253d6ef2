namespace Addons.Gss.Configuration;

/// <summary>An invalid setting; the message names it and what it accepts. Exit code 2, before any network call.</summary>
internal sealed class ConfigurationException(string message) : Exception(message)
{
    public static ConfigurationException Missing(Setting setting) =>
        new($"{setting.EnvironmentVariable} is required: {setting.Accepted}");

    public static ConfigurationException Invalid(Setting setting, string? value, string? why = null) =>
        new($"{setting.EnvironmentVariable}={Quote(setting, value)} is invalid{(why is null ? "" : " (" + why + ")")}: accepted {setting.Accepted}");

    private static string Quote(Setting setting, string? value) =>
        setting == Settings.GitHubToken || setting == Settings.SlackToken ? "<redacted>"
        : setting == Settings.SlackWebhookUrl ? "'" + RedactPath(value) + "'"
        : "'" + value + "'";

    /// <summary>A webhook URL's path is its secret: keep scheme and host only.</summary>
    private static string RedactPath(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/<redacted>" : "<redacted>";
}

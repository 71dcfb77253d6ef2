using System.Text;

namespace Addons.Gss.Configuration;

/// <summary>The <c>--help</c> text, generated from <see cref="Settings"/>.</summary>
internal static class HelpText
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("gss: lists the scheduled GitHub Actions workflows of one organization (crons in UTC and a local zone, last run, last author) and publishes the report.");
        text.AppendLine();
        text.AppendLine("Usage: gss [--flag=value ...]   (each flag also reads its environment variable; flag > env > default)");
        text.AppendLine();
        foreach (var setting in Settings.All)
        {
            text.Append("  ").Append(setting.Flag).Append(" [").Append(setting.EnvironmentVariable).AppendLine("]");
            text.Append("      ").Append(setting.Help).Append("; accepts ").Append(setting.Accepted).AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Exit codes: 0 scanned and published; 1 GitHub unreachable, organization not listable or publishing failed;");
        text.AppendLine("            2 invalid setting (before any network call); 3 published, but some repositories could not be scanned.");
        return text.ToString();
    }
}

using System.Text;

namespace Addons.Cleaner.Configuration;

/// <summary>The <c>--help</c> text, generated from <see cref="Settings"/>.</summary>
internal static class HelpText
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("cleaner: deletes files matching include globs (and no exclude glob) under target paths whose disk usage is above a threshold.");
        text.AppendLine();
        text.AppendLine("Usage: cleaner [--flag=value ...]   (each flag also reads its environment variable; flag > env > default)");
        text.AppendLine();
        foreach (var setting in Settings.All)
        {
            var env = setting.EnvironmentVariable is null ? string.Empty : $" [{setting.EnvironmentVariable}]";
            text.Append("  ").Append(setting.Flag).Append(env).AppendLine();
            text.Append("      ").Append(setting.Help).Append("; accepts ").Append(setting.Accepted).AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Exit codes: 0 done or stopped by SIGTERM/SIGINT; 1 invalid glob or runtime failure; 2 invalid setting.");
        return text.ToString();
    }
}

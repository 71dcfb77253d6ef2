using System.Text;

namespace Addons.Kit.Settings;

/// <summary>Renders <c>--help</c> from the settings table: every flag, its variable, its default and what it accepts.</summary>
internal static class SettingsHelp
{
    public static string Render<TOptions>(AddonSettings<TOptions> settings, TOptions defaults)
        where TOptions : class, new()
    {
        var text = new StringBuilder();
        text.AppendLine(settings.Usage ?? $"Usage: {settings.Program} [flags]");
        if (!string.IsNullOrWhiteSpace(settings.Summary))
        {
            text.AppendLine().AppendLine(settings.Summary);
        }

        if (settings.Commands is { } commands)
        {
            text.AppendLine().AppendLine(commands.TrimEnd());
        }

        text.AppendLine().AppendLine("A flag wins over its environment variable, which wins over the default.");
        foreach (var group in settings.Settings.GroupBy(s => s.Group))
        {
            text.AppendLine().AppendLine((group.Key ?? "Flags") + ":");
            foreach (var setting in group)
            {
                Append(text, setting, defaults);
            }
        }

        text.AppendLine();
        text.AppendLine("  -h, --help                   print this help and exit");
        text.AppendLine("  -V, --version                print the version and commit and exit");
        if (settings.Footer is { } footer)
        {
            text.AppendLine().AppendLine(footer.TrimEnd());
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Setting setting, object defaults)
    {
        var name = setting.Flag is { } flag
            ? (setting.Short is { } c ? $"-{c}, --{flag}" : $"    --{flag}") + (setting.IsSwitch ? string.Empty : " VALUE")
            : "    (environment only)";
        var line = "  " + name;
        if (setting.Env is { } env)
        {
            line = line.PadRight(30) + " env " + env;
        }

        text.AppendLine(line);
        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(setting.Help))
        {
            details.Add(setting.Help.TrimEnd('.'));
        }

        var defaultText = setting.DefaultDescription ?? setting.DefaultText(defaults);
        details.Add(setting.Required ? "required" : defaultText is null or "" ? "no default" : "default " + defaultText);
        details.Add("accepts " + setting.Accepted);
        text.Append("        ").AppendLine(string.Join("; ", details));
    }
}

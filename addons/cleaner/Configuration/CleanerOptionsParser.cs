using System.Globalization;

namespace Addons.Cleaner.Configuration;

/// <summary>
/// Reads the cleaner's settings: flag, else environment variable, else default. Validation is strict
/// and complete: anything wrong throws <see cref="ConfigurationException"/> naming the setting and
/// what it accepts (exit code 2).
/// </summary>
/// <remarks>
/// Flags are written <c>--name=value</c> or <c>--name value</c> (one leading dash also works, as with
/// the original's Go flag package); switches such as <c>--dry-run</c> take no separate value but accept
/// <c>--dry-run=false</c>.
/// </remarks>
internal static class CleanerOptionsParser
{
    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var flags = ReadFlags(args);

        string? Raw(Setting setting) =>
            flags.TryGetValue(setting, out var value) ? value
            : setting.EnvironmentVariable is { } name ? environment(name)
            : null;

        var showVersion = flags.TryGetValue(Settings.Version, out var version) && ParseBoolean(Settings.Version, version);
        var showHelp = flags.TryGetValue(Settings.Help, out var help) && ParseBoolean(Settings.Help, help);
        if (showVersion || showHelp)
        {
            return new CommandLine(new CleanerOptions(), showVersion, showHelp);
        }

        var targets = SplitList(Raw(Settings.TargetPaths) ?? "/home/runner/_work", keepBraces: false);
        if (targets.Count == 0)
        {
            throw Invalid(Settings.TargetPaths, Raw(Settings.TargetPaths));
        }

        foreach (var target in targets)
        {
            TargetPathGuard.EnsureAllowed(Settings.TargetPaths, target);
        }

        var threshold = ParseInteger(Settings.UsageThresholdPercent, Raw(Settings.UsageThresholdPercent), 80, 0, 100);
        var targetUsage = ParseInteger(Settings.TargetUsagePercent, Raw(Settings.TargetUsagePercent), threshold, 0, 100);
        if (targetUsage > threshold)
        {
            throw Invalid(Settings.TargetUsagePercent, Raw(Settings.TargetUsagePercent));
        }

        return new CommandLine(
            new CleanerOptions
            {
                TargetPaths = targets,
                UsageThresholdPercent = threshold,
                CheckIntervalMinutes = ParseInteger(Settings.CheckIntervalMinutes, Raw(Settings.CheckIntervalMinutes), 10, 1, int.MaxValue / 60_000),
                IncludePatterns = SplitList(Raw(Settings.IncludePatterns) ?? "*", keepBraces: true),
                ExcludePatterns = SplitList(Raw(Settings.ExcludePatterns) ?? "**/.git/**,**/node_modules/**,*.log", keepBraces: true),
                Mode = ParseChoice(Settings.CleanupMode, Raw(Settings.CleanupMode), CleanupMode.Interval,
                    ("once", CleanupMode.Once), ("interval", CleanupMode.Interval)),
                DryRun = ParseBoolean(Settings.DryRun, Raw(Settings.DryRun) ?? "false"),
                LogLevel = ParseChoice(Settings.LogLevel, Raw(Settings.LogLevel), "info",
                    ("trace", "trace"), ("debug", "debug"), ("info", "info"), ("warn", "warn"), ("error", "error")),
                Strategy = ParseChoice(Settings.Strategy, Raw(Settings.Strategy), CleanupStrategy.All,
                    ("all", CleanupStrategy.All), ("oldest-first", CleanupStrategy.OldestFirst)),
                TargetUsagePercent = targetUsage,
                MinFileAge = ParseDuration(Settings.MinFileAge, Raw(Settings.MinFileAge)),
                RemoveEmptyDirs = ParseBoolean(Settings.RemoveEmptyDirs, Raw(Settings.RemoveEmptyDirs) ?? "false"),
                MetricsPort = ParseInteger(Settings.MetricsPort, Raw(Settings.MetricsPort), 0, 0, 65535),
                MaxDepth = ParseInteger(Settings.MaxDepth, Raw(Settings.MaxDepth), Scanning.DirectoryWalker.DefaultMaxDepth, 1, int.MaxValue),
            },
            ShowVersion: false,
            ShowHelp: false);
    }

    /// <summary>
    /// Splits a comma list, trims entries and drops empty ones. With <paramref name="keepBraces"/>, a
    /// comma inside <c>{…}</c> does not split (<c>*.{js,ts}</c> is one pattern) and <c>\,</c> stays escaped.
    /// </summary>
    public static List<string> SplitList(string value, bool keepBraces)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length)
            {
                var c = value[i];
                if (keepBraces && c == '\\')
                {
                    i++;
                    continue;
                }

                if (keepBraces && c == '{')
                {
                    depth++;
                }
                else if (keepBraces && c == '}' && depth > 0)
                {
                    depth--;
                }

                if (c != ',' || depth > 0)
                {
                    continue;
                }
            }

            var part = value[start..Math.Min(i, value.Length)].Trim();
            if (part.Length > 0)
            {
                result.Add(part);
            }

            start = i + 1;
        }

        return result;
    }

    public static bool ParseBoolean(Setting setting, string value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return value.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => throw Invalid(setting, value),
        };
    }

    public static TimeSpan ParseDuration(Setting setting, string? value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (value is null)
        {
            return TimeSpan.Zero;
        }

        var text = value.Trim();
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var i = 0;
        if (text.Length == 0)
        {
            throw Invalid(setting, value);
        }

        while (i < text.Length)
        {
            var numberStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            if (unitStart == numberStart || !long.TryParse(text.AsSpan(numberStart, unitStart - numberStart), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw Invalid(setting, value);
            }

            var unit = text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => throw Invalid(setting, value),
            };
            try
            {
                total = checked(total + (unit * number));
            }
            catch (OverflowException)
            {
                throw Invalid(setting, value);
            }
        }

        return total;
    }

    private static int ParseInteger(Setting setting, string? value, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || number < min || number > max)
        {
            throw Invalid(setting, value);
        }

        return number;
    }

    private static T ParseChoice<T>(Setting setting, string? value, T fallback, params (string Name, T Value)[] choices)
    {
        if (value is null)
        {
            return fallback;
        }

        foreach (var (name, choice) in choices)
        {
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw Invalid(setting, value);
    }

    private static Dictionary<Setting, string> ReadFlags(IReadOnlyList<string> args)
    {
        var flags = new Dictionary<Setting, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg is "-" or "--")
            {
                throw new ConfigurationException(arg, "unexpected argument; settings are given as --name=value (see --help)");
            }

            var body = arg.TrimStart('-');
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var setting = Settings.All.FirstOrDefault(s => s.Name == name)
                ?? (name == "h" ? Settings.Help : null)
                ?? throw new ConfigurationException("--" + name, $"unknown flag; accepted flags are {string.Join(", ", Settings.All.Select(s => s.Flag))}");
            string value;
            if (equals >= 0)
            {
                value = body[(equals + 1)..];
            }
            else if (setting.IsSwitch)
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new ConfigurationException(setting.Flag, $"missing value; expected {setting.Accepted}");
            }

            // The last occurrence wins, as with the original's flag package.
            flags[setting] = value;
        }

        return flags;
    }

    private static ConfigurationException Invalid(Setting setting, string? value) =>
        new(setting.Display, $"invalid value \"{value}\"; expected {setting.Accepted}");
}

using Microsoft.Extensions.Logging;

namespace Addons.Karc.Cli;

/// <summary>
/// Parses karc's command line: a verb, its argument, and global flags anywhere before or after the
/// verb (<c>--flag value</c> or <c>--flag=value</c>). Everything after <c>controller</c> goes to the host.
/// </summary>
internal static class CliParser
{
    public const string Usage = """
        Usage: karc [flags] <command>

        Commands:
          status [NODEPOOL]          show NodePools, disruption budgets, schedules and freezes
          pause  <NODEPOOL|all>      pause consolidation (prepend a {nodes: "0"} budget)
          resume <NODEPOOL|all>      resume consolidation (remove karc's pause budget)
          controller                 run the ConsolidationFreeze controller

        Flags:
          -c, --context NAME         kubeconfig context (env KUBECONFIG_CONTEXT)
              --dry-run              show what would change, write nothing
          -y, --yes                  do not ask for confirmation
              --log-level LEVEL      trace|debug|info|warn|error|off (env KARC_LOG_LEVEL, default warn)
              --timezone ZONE        IANA zone for schedules (default: local zone, else UTC)
          -o, --output FORMAT        table|wide|json|yaml (status)
          -V, --version              print the version
          -h, --help                 print this help
        """;

    private static readonly string[] Verbs = ["status", "pause", "resume", "controller"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliUsageException"/> on bad input.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new CliOptions
        {
            Context = NullIfEmpty(environment("KUBECONFIG_CONTEXT")),
            LogLevel = environment("KARC_LOG_LEVEL") is { Length: > 0 } level ? ParseLevel(level, "KARC_LOG_LEVEL") : LogLevel.Warning,
            LogLevelSet = !string.IsNullOrEmpty(environment("KARC_LOG_LEVEL")),
        };
        var positional = new List<string>();
        var onlyPositional = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (options.Verb == "controller")
            {
                options = options with { HostArgs = args.Skip(i).ToList() };
                break;
            }

            if (onlyPositional || arg.Length < 2 || arg[0] != '-')
            {
                if (options.Verb is null)
                {
                    if (!Verbs.Contains(arg, StringComparer.Ordinal))
                    {
                        throw new CliUsageException($"unknown command: {arg} (accepted: {string.Join(", ", Verbs)})");
                    }

                    options = options with { Verb = arg };
                }
                else
                {
                    positional.Add(arg);
                }

                continue;
            }

            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }

            var (name, inline) = SplitInline(arg);
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new CliUsageException($"flag {name} needs a value");
                }

                return args[++i];
            }

            options = name switch
            {
                "-c" or "--context" => options with { Context = Value() },
                "--dry-run" => options with { DryRun = NoValue(name, inline) },
                "-y" or "--yes" => options with { Yes = NoValue(name, inline) },
                "--log-level" => options with { LogLevel = ParseLevel(Value(), "--log-level"), LogLevelSet = true },
                "--timezone" => options with { TimeZone = Value() },
                "-o" or "--output" => options with { Output = ParseOutput(Value()) },
                "-V" or "--version" => options with { ShowVersion = NoValue(name, inline) },
                "-h" or "--help" => options with { ShowHelp = NoValue(name, inline) },
                _ => throw new CliUsageException($"unknown flag: {name}"),
            };
        }

        return Validate(options, positional);
    }

    private static CliOptions Validate(CliOptions options, List<string> positional)
    {
        if (options.ShowHelp || options.ShowVersion)
        {
            return options;
        }

        switch (options.Verb)
        {
            case null:
                throw new CliUsageException("a command is required: status, pause, resume or controller");
            case "status" when positional.Count > 1:
                throw new CliUsageException("status takes at most one NodePool name");
            case "pause" or "resume" when positional.Count != 1:
                throw new CliUsageException($"{options.Verb} takes exactly one argument: a NodePool name or 'all'");
            default:
                return options with { Target = positional.FirstOrDefault() };
        }
    }

    private static (string Name, string? Inline) SplitInline(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static bool NoValue(string name, string? inline) =>
        inline is null ? true : throw new CliUsageException($"flag {name} takes no value");

    private static LogLevel ParseLevel(string value, string setting) => value.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" or "none" => LogLevel.None,
        _ => throw new CliUsageException($"invalid {setting}: {value} (accepted: trace, debug, info, warn, error, off)"),
    };

    private static OutputFormat ParseOutput(string value) => value.ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "wide" => OutputFormat.Wide,
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        _ => throw new CliUsageException($"invalid --output: {value} (accepted: table, wide, json, yaml)"),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

namespace Addons.Karc.Cli;

/// <summary>The command of a karc command line: its verb and NodePool argument (the flags are <see cref="KarcSettings"/>).</summary>
internal sealed record KarcCommand(string Verb, string? Target)
{
    private static readonly string[] Verbs = ["status", "pause", "resume", "controller"];

    /// <summary>Reads the non-flag arguments; throws <see cref="CliUsageException"/> when they are not a command.</summary>
    public static KarcCommand Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            throw new CliUsageException("a command is required: status, pause, resume or controller");
        }

        var verb = arguments[0];
        if (!Verbs.Contains(verb, StringComparer.Ordinal))
        {
            throw new CliUsageException($"unknown command: {verb} (accepted: {string.Join(", ", Verbs)})");
        }

        var operands = arguments.Count - 1;
        return verb switch
        {
            "status" when operands > 1 => throw new CliUsageException("status takes at most one NodePool name"),
            "pause" or "resume" when operands != 1 => throw new CliUsageException($"{verb} takes exactly one argument: a NodePool name or 'all'"),
            "controller" when operands > 0 => throw new CliUsageException($"controller takes no arguments, only flags (got \"{arguments[1]}\")"),
            _ => new KarcCommand(verb, operands == 1 ? arguments[1] : null),
        };
    }
}

namespace Addons.Karc.Cli;

/// <summary>The process's console as karc uses it; tests substitute writers, input and terminal flags.</summary>
internal sealed class CliConsole
{
    /// <summary>Tables and results.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Logs, warnings and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Where prompt answers come from.</summary>
    public required TextReader In { get; init; }

    /// <summary>True when stdin is a terminal (prompts are only shown then).</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>True when stdout is a terminal (colours are only used then).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; init; } = global::System.Environment.GetEnvironmentVariable;

    /// <summary>The real console.</summary>
    public static CliConsole System() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInputTerminal = !Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
    };
}

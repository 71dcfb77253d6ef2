namespace Addons.Kit.Logging;

/// <summary>The two streams log lines can go to: the process's stdout and stderr, or a test's own.</summary>
internal sealed record LogStreams(Func<Stream> OpenStandardOutput, Func<Stream> OpenStandardError)
{
    /// <summary>The process's own stdout and stderr, written to without <see cref="Console"/>'s per-line flush.</summary>
    public static LogStreams Process { get; } = new(Console.OpenStandardOutput, Console.OpenStandardError);

    /// <summary>True when these are the process's streams and the chosen one is a terminal.</summary>
    public bool IsTerminal(bool standardError) =>
        ReferenceEquals(this, Process) && !(standardError ? Console.IsErrorRedirected : Console.IsOutputRedirected);
}

namespace Addons.Cleaner.Globbing;

/// <summary>
/// A glob pattern that cannot be compiled. Not retryable: the process exits with code 1 at start,
/// naming <see cref="Pattern"/> and <see cref="Reason"/>.
/// </summary>
internal sealed class GlobSyntaxException : Exception
{
    public GlobSyntaxException(string pattern, string reason)
        : base($"invalid glob pattern \"{pattern}\": {reason}")
    {
        Pattern = pattern;
        Reason = reason;
    }

    public GlobSyntaxException()
    {
        Pattern = string.Empty;
        Reason = string.Empty;
    }

    public GlobSyntaxException(string message)
        : base(message)
    {
        Pattern = string.Empty;
        Reason = message;
    }

    public GlobSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pattern = string.Empty;
        Reason = message;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Why it is invalid, e.g. "unclosed brace".</summary>
    public string Reason { get; }
}

using System.Text;

namespace Addons.Cleaner.Globbing;

/// <summary>
/// One compiled glob pattern, matched against a <c>/</c>-separated path relative to a target root,
/// anchored at both ends, as UTF-8 bytes (no string is built per file).
/// </summary>
/// <remarks>
/// Guarantees: matching allocates nothing and runs in O(path × pattern) per alternative (a plain
/// wildcard matcher that backtracks only to the last <c>*</c>, never a regex). See
/// <see cref="GlobParser"/> for the syntax.
/// </remarks>
internal sealed class Glob
{
    private readonly GlobAlternative[] _alternatives;

    private Glob(string pattern, GlobAlternative[] alternatives)
    {
        Pattern = pattern;
        _alternatives = alternatives;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Compiles a pattern; throws <see cref="GlobSyntaxException"/> when it is invalid.</summary>
    public static Glob Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var alternatives = GlobParser.Parse(pattern).Select(tokens => new GlobAlternative(tokens)).ToArray();
        return new Glob(pattern, alternatives);
    }

    public bool IsMatch(string relativePath) => IsMatch(Encoding.UTF8.GetBytes(relativePath));

    public bool IsMatch(ReadOnlySpan<byte> relativePath)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.IsMatch(relativePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every path below the directory <paramref name="directoryPath"/> matches, so a walk
    /// may skip the whole subtree without changing which files match (e.g. <c>**/.git/**</c> and
    /// <c>src/.git</c>).
    /// </summary>
    public bool MatchesEverythingBelow(ReadOnlySpan<byte> directoryPath)
    {
        foreach (var alternative in _alternatives)
        {
            if (alternative.MatchesEverythingBelow(directoryPath))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Pattern;
}

namespace Addons.Cleaner.Globbing;

/// <summary>A list of compiled globs; a path matches the set when it matches any of them.</summary>
internal sealed class GlobSet
{
    private readonly Glob[] _globs;

    public GlobSet(IEnumerable<Glob> globs) => _globs = [.. globs];

    public IReadOnlyList<Glob> Globs => _globs;

    /// <summary>Compiles every pattern; the first invalid one throws <see cref="GlobSyntaxException"/>.</summary>
    public static GlobSet Compile(IEnumerable<string> patterns) => new(patterns.Select(Glob.Compile));

    public bool IsMatch(string relativePath) => IsMatch(System.Text.Encoding.UTF8.GetBytes(relativePath));

    public bool IsMatch(ReadOnlySpan<byte> relativePath)
    {
        foreach (var glob in _globs)
        {
            if (glob.IsMatch(relativePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first glob matching the path, for logging why it was skipped.</summary>
    public Glob? FirstMatch(ReadOnlySpan<byte> relativePath)
    {
        foreach (var glob in _globs)
        {
            if (glob.IsMatch(relativePath))
            {
                return glob;
            }
        }

        return null;
    }

    /// <summary>True when the directory itself matches, or every path below it would.</summary>
    public bool ExcludesDirectory(ReadOnlySpan<byte> directoryPath)
    {
        foreach (var glob in _globs)
        {
            if (glob.IsMatch(directoryPath) || glob.MatchesEverythingBelow(directoryPath))
            {
                return true;
            }
        }

        return false;
    }
}

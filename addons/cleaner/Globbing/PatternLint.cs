namespace Addons.Cleaner.Globbing;

/// <summary>Finds patterns that can never match: globs are matched against paths relative to each target path
/// (<c>a/b/c.txt</c>, no leading <c>/</c>, no <c>.</c> or <c>..</c> components, no empty components).</summary>
/// <remarks>Only certain misses are reported (a component that is exactly empty, <c>.</c> or <c>..</c>); a pattern
/// that merely matches nothing today is not.</remarks>
internal static class PatternLint
{
    /// <summary>Why <paramref name="pattern"/> can never match, or null.</summary>
    public static string? NeverMatches(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.StartsWith('/'))
        {
            return "it is absolute, but patterns are matched against paths relative to each target path (write \"**\" or \"sub/dir/**\")";
        }

        var components = pattern.Split('/');
        if (components.Any(c => c is ".." or "."))
        {
            return "it has a \".\" or \"..\" component, which relative paths inside a target never have";
        }

        // A trailing '/' leaves one empty last component; an empty one in the middle is "//".
        return components.Take(components.Length - 1).Any(c => c.Length == 0)
            ? "it contains \"//\", which relative paths never do"
            : null;
    }
}

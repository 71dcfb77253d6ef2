namespace Addons.Gss.Configuration;

/// <summary>
/// The exclude file: one repository name per line, <c>#</c> starts a comment, blank lines ignored,
/// exact (case-sensitive) match. The default path may be absent; a path given explicitly must exist.
/// </summary>
internal static class ExcludeList
{
    /// <summary>Reads <paramref name="path"/>; null with <paramref name="problem"/> set when it cannot be read.</summary>
    public static IReadOnlySet<string>? TryRead(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            if (path == GssOptions.DefaultExcludeFile)
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }

            problem = "no such file";
            return null;
        }

        try
        {
            return Parse(File.ReadAllLines(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return null;
        }
    }

    public static HashSet<string> Parse(IEnumerable<string> lines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var name = (hash < 0 ? line : line[..hash]).Trim();
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }
}

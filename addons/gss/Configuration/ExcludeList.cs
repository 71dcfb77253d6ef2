namespace Addons.Gss.Configuration;

/// <summary>
/// The exclude file: one repository name per line, <c>#</c> starts a comment, blank lines ignored,
/// exact (case-sensitive) match. The default path may be absent; a path given explicitly must exist.
/// </summary>
internal static class ExcludeList
{
    public static IReadOnlySet<string> Read(Setting setting, string? path)
    {
        var file = path ?? GssOptionsParser.DefaultExcludeFile;
        if (!File.Exists(file))
        {
            return path is null ? new HashSet<string>(StringComparer.Ordinal) : throw ConfigurationException.Invalid(setting, path, "no such file");
        }

        try
        {
            return Parse(File.ReadAllLines(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ConfigurationException.Invalid(setting, file, e.Message);
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

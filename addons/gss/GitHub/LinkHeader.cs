namespace Addons.Gss.GitHub;

/// <summary>Reads <c>rel="next"</c> from GitHub's <c>Link</c> header (RFC 8288).</summary>
internal static class LinkHeader
{
    public static Uri? Next(IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            foreach (var link in value.Split(','))
            {
                var open = link.IndexOf('<', StringComparison.Ordinal);
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close < open)
                {
                    continue;
                }

                var parameters = link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parameters.Any(p => p is "rel=\"next\"" or "rel=next") &&
                    Uri.TryCreate(link[(open + 1)..close], UriKind.Absolute, out var next))
                {
                    return next;
                }
            }
        }

        return null;
    }
}

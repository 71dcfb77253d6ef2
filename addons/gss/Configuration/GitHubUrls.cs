namespace Addons.Gss.Configuration;

/// <summary>
/// <c>GITHUB_BASE_URL</c> → the REST root and the web root: <c>https://ghe.example.com</c> →
/// <c>https://ghe.example.com/api/v3</c> (kept when already present); <c>https://github.com</c> →
/// <c>https://api.github.com</c>.
/// </summary>
internal static class GitHubUrls
{
    /// <summary>False when <paramref name="raw"/> is not an absolute http(s) URL without a query.</summary>
    public static bool TryNormalize(string raw, out GitHubServer server)
    {
        server = null!;
        if (!Uri.TryCreate(raw.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            return false;
        }

        var root = uri.GetLeftPart(UriPartial.Authority);
        var path = uri.AbsolutePath.TrimEnd('/');
        server = uri.Host is "github.com" or "www.github.com" or "api.github.com"
            ? new GitHubServer(new Uri("https://api.github.com"), new Uri("https://github.com"), raw.Trim())
            : path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase)
                ? new GitHubServer(new Uri(root + path), new Uri(root + path[..^"/api/v3".Length]), raw.Trim())
                : new GitHubServer(new Uri(root + path + "/api/v3"), new Uri(root + path), raw.Trim());
        return true;
    }
}

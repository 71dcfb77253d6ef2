namespace Addons.Gss.Configuration;

/// <summary>
/// <c>GITHUB_BASE_URL</c> → the REST root and the web root: <c>https://ghe.example.com</c> →
/// <c>https://ghe.example.com/api/v3</c> (kept when already present); <c>https://github.com</c> →
/// <c>https://api.github.com</c>.
/// </summary>
internal static class GitHubUrls
{
    public static (Uri Api, Uri Web) Normalize(Setting setting, string raw)
    {
        if (!Uri.TryCreate(raw.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            throw ConfigurationException.Invalid(setting, raw);
        }

        var root = uri.GetLeftPart(UriPartial.Authority);
        var path = uri.AbsolutePath.TrimEnd('/');
        if (uri.Host is "github.com" or "www.github.com" or "api.github.com")
        {
            return (new Uri("https://api.github.com"), new Uri("https://github.com"));
        }

        if (path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase))
        {
            return (new Uri(root + path), new Uri(root + path[..^"/api/v3".Length]));
        }

        return (new Uri(root + path + "/api/v3"), new Uri(root + path));
    }
}

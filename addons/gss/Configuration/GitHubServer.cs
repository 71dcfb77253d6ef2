namespace Addons.Gss.Configuration;

/// <summary>A GitHub server as <c>GITHUB_BASE_URL</c> names it: its REST root, its web root and the text given.</summary>
internal sealed record GitHubServer(Uri Api, Uri Web, string Given);

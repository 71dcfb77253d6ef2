namespace Addons.Kit.Testing.GitHub;

/// <summary>One organization served by the <see cref="GitHubEmulator"/>: its repositories, in listing order.</summary>
public sealed class GitHubOrganization(string login)
{
    /// <summary>The organization's login (URL name).</summary>
    public string Login { get; } = login;

    /// <summary>Repositories, listed in this order by <c>GET /orgs/{org}/repos</c>.</summary>
    public List<GitHubRepository> Repositories { get; } = [];
}

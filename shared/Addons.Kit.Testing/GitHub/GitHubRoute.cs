namespace Addons.Kit.Testing.GitHub;

/// <summary>The REST routes the emulator serves, for latency, faults and the request log.</summary>
public enum GitHubRoute
{
    /// <summary>A path the emulator does not serve (404).</summary>
    Unknown,

    /// <summary><c>GET /meta</c>.</summary>
    Meta,

    /// <summary><c>GET /rate_limit</c>.</summary>
    RateLimit,

    /// <summary><c>GET /orgs/{org}/repos</c>.</summary>
    OrgRepos,

    /// <summary><c>GET /repos/{owner}/{repo}/actions/workflows</c>.</summary>
    Workflows,

    /// <summary><c>GET /repos/{owner}/{repo}/contents/{path}</c>.</summary>
    Contents,

    /// <summary><c>GET /repos/{owner}/{repo}/actions/workflows/{id}/runs</c>.</summary>
    Runs,

    /// <summary><c>GET /repos/{owner}/{repo}/commits</c>.</summary>
    Commits,

    /// <summary><c>GET /users/{login}</c>.</summary>
    Users,
}

namespace Addons.Kit.Testing.GitHub;

/// <summary>One request the emulator answered, in the request log.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="PathAndQuery">Path and query as received.</param>
/// <param name="Route">The route it matched.</param>
/// <param name="Repository">The repository it addressed, if any.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="Authorization">The Authorization header as received, or null.</param>
public sealed record GitHubRequest(string Method, string PathAndQuery, GitHubRoute Route, string? Repository, int StatusCode, string? Authorization);

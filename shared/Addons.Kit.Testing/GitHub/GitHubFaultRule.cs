namespace Addons.Kit.Testing.GitHub;

/// <summary>
/// An injected error: requests matching <see cref="Route"/> (any when null) and <see cref="Repository"/>
/// (any when null) are answered with <see cref="StatusCode"/>, <see cref="Count"/> times (forever when null).
/// A 403 or 429 with <see cref="RetryAfter"/> is GitHub's secondary rate limit.
/// </summary>
public sealed class GitHubFaultRule
{
    private int _hits;

    /// <summary>The route to fail, or null for every route.</summary>
    public GitHubRoute? Route { get; init; }

    /// <summary>The repository name to fail, or null for every repository.</summary>
    public string? Repository { get; init; }

    /// <summary>The status to answer.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>How many requests fail; null = every matching request.</summary>
    public int? Count { get; init; }

    /// <summary>A <c>Retry-After</c> header to send, in whole seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many requests this rule has failed.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal bool Matches(GitHubRoute route, string? repository) =>
        (Route is null || Route == route) && (Repository is null || string.Equals(Repository, repository, StringComparison.Ordinal));

    /// <summary>Takes one hit if any are left.</summary>
    internal bool TryHit()
    {
        while (true)
        {
            var hits = Volatile.Read(ref _hits);
            if (Count is { } count && hits >= count)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _hits, hits + 1, hits) == hits)
            {
                return true;
            }
        }
    }
}

namespace Addons.Gss.GitHub;

/// <summary>Counters of one <see cref="GitHubHttp"/>: what the scan cost. Thread-safe.</summary>
internal sealed class GitHubStats
{
    private long _requests;
    private long _notModified;
    private long _retries;
    private long _rateLimitPauses;

    /// <summary>HTTP requests sent (every attempt).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers 304 Not Modified (free of primary rate-limit quota).</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    /// <summary>Retries after a 5xx, timeout or network error.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Pauses for a primary or secondary rate limit.</summary>
    public long RateLimitPauses => Interlocked.Read(ref _rateLimitPauses);

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void NotModifiedAnswer() => Interlocked.Increment(ref _notModified);

    internal void Retry() => Interlocked.Increment(ref _retries);

    internal void RateLimitPause() => Interlocked.Increment(ref _rateLimitPauses);
}

namespace Addons.Gss.GitHub;

/// <summary>Counters of one <see cref="GitHubHttp"/>: what the scan cost. Thread-safe.</summary>
/// <remarks>Retries and rate-limit waits happen inside the kit's outbound client and are logged (and counted in
/// <c>http_client_requests_total</c>) there; these count the requests gss asked for.</remarks>
internal sealed class GitHubStats
{
    private long _requests;
    private long _notModified;

    /// <summary>GitHub requests made (a retried request counts once).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers 304 Not Modified (free of primary rate-limit quota).</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void NotModifiedAnswer() => Interlocked.Increment(ref _notModified);
}

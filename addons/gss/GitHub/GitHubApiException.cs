using System.Net;

namespace Addons.Gss.GitHub;

/// <summary>
/// A GitHub request that failed for good: a 4xx (other than rate limits), or a 5xx/timeout/network
/// error that outlived its retries. Never carries the token. Not retried by callers.
/// </summary>
internal sealed class GitHubApiException(string path, HttpStatusCode? status, string message, Exception? inner = null)
    : Exception($"GET {path}: {(status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : "")}{message}", inner)
{
    /// <summary>The API path (no host, no token).</summary>
    public string Path { get; } = path;

    /// <summary>The last HTTP status, or null for a timeout or network error.</summary>
    public HttpStatusCode? Status { get; } = status;
}

namespace Addons.Gss.GitHub;

/// <summary>How <see cref="GitHubHttp"/> talks to GitHub.</summary>
internal sealed record GitHubHttpOptions
{
    /// <summary>The REST root, e.g. <c>https://ghe.example.com/api/v3</c>.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>; never logged.</summary>
    public required string Token { get; init; }

    /// <summary>Timeout of one attempt. The default value is 60 s (<c>REQUEST_TIMEOUT</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a 5xx, timeout or network error. The default value is 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay, doubled each retry, ±50 % jitter. The default value is 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Rate-limit pauses one request may take before it fails. The default value is 10.</summary>
    public int MaxRateLimitWaits { get; init; } = 10;

    /// <summary>Longest single rate-limit pause; a reset further away fails the request. The default value is 1 h (GitHub's window).</summary>
    public TimeSpan MaxRateLimitPause { get; init; } = TimeSpan.FromHours(1);

    /// <summary><c>User-Agent</c> (GitHub rejects requests without one).</summary>
    public string UserAgent { get; init; } = "gss";
}

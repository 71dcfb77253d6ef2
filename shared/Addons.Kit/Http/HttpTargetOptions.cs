namespace Addons.Kit.Http;

/// <summary>How the kit talks to one outbound target (GitHub, Slack, AWS, Grafana, an OIDC provider).</summary>
/// <remarks>Defaults are applied here, in one place; <see cref="Validate"/> names a bad setting.</remarks>
public sealed class HttpTargetOptions
{
    /// <summary>A short name for logs (never a URL: URLs may carry secrets).</summary>
    /// <value>The default value is <c>http</c>.</value>
    public string Name { get; set; } = "http";

    /// <summary>Base address of the client; relative request URIs resolve against it.</summary>
    /// <value>The default value is null (requests use absolute URIs).</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Upper bound of one attempt (headers and body); a timed-out idempotent attempt is retried.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (0 = none).</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; later ones grow exponentially with jitter (Polly's decorrelated jitter).</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest backoff delay between two attempts.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait the target may ask for (<c>Retry-After</c>, or <c>X-RateLimit-Reset</c> once
    /// <c>X-RateLimit-Remaining</c> is 0). A longer wait is not taken: the response goes back to the caller.
    /// </summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Also retry POST and PATCH after a transient failure. By default they are retried only when the
    /// target said it did not process them (429, or 403 with an exhausted rate limit).
    /// </summary>
    /// <value>The default value is false.</value>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>The User-Agent header (GitHub rejects requests without one).</summary>
    /// <value>The default value is <c>addons-kit</c>.</value>
    public string UserAgent { get; set; } = "addons-kit";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("HttpTargetOptions.Name: must not be empty", nameof(Name));
        }

        Positive(AttemptTimeout, nameof(AttemptTimeout));
        Positive(BaseDelay, nameof(BaseDelay));
        Positive(MaxDelay, nameof(MaxDelay));
        if (MaxRetries is < 0 or > 100)
        {
            throw new ArgumentException($"HttpTargetOptions.MaxRetries: {MaxRetries} is out of range; accepted 0..100", nameof(MaxRetries));
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"HttpTargetOptions.MaxRetryAfter: {MaxRetryAfter} is negative", nameof(MaxRetryAfter));
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"HttpTargetOptions.{name}: {value} must be greater than zero", name);
        }
    }
}

namespace Addons.Aws;

/// <summary>How an AWS client retries transient failures (throttling, 5xx, network, timeouts) inside one call.</summary>
public sealed record AwsRetryPolicy
{
    /// <summary>Attempts per call, the first included.</summary>
    /// <value>The default value is 3, the AWS SDKs' "standard" retry mode.</value>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First backoff; doubled per attempt, full jitter.</summary>
    /// <value>The default value is 200 ms.</value>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one wait, Retry-After included.</summary>
    /// <value>The default value is 20 seconds, the SDKs' cap.</value>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>No retries: every failure surfaces at once (tests of error mapping).</summary>
    public static AwsRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < MaxDelay ? asked : MaxDelay;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}

namespace Addons.Kit.Controllers;

/// <summary>Retry backoff settings; the defaults are client-go's <c>DefaultControllerRateLimiter</c>.</summary>
internal sealed class RetryRateLimiterOptions
{
    /// <summary>The first retry delay. <value>The default value is 5 ms.</value></summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The largest per-key delay. <value>The default value is 1000 s.</value></summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Global retry rate. <value>The default value is 10 per second.</value></summary>
    public double QueriesPerSecond { get; init; } = 10;

    /// <summary>Global retry burst. <value>The default value is 100.</value></summary>
    public int Burst { get; init; } = 100;
}

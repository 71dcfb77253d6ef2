namespace Addons.Kit.Kubernetes.Watching;

/// <summary>Exponential backoff with jitter, reset after a healthy period. Defaults are client-go's reflector's.</summary>
public sealed record BackoffOptions
{
    /// <summary>First delay. <value>The default value is 800 ms (client-go).</value></summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Upper bound of a delay, jitter included. <value>The default value is 30 s (client-go).</value></summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Growth factor per consecutive failure. <value>The default value is 2.</value></summary>
    public double Factor { get; init; } = 2.0;

    /// <summary>Random extra of up to this fraction of the delay, so replicas do not retry in step.
    /// <value>The default value is 1.0 (client-go).</value></summary>
    public double Jitter { get; init; } = 1.0;

    /// <summary>A failure this long after the previous one starts again from <see cref="Initial"/>.
    /// <value>The default value is 2 minutes (client-go).</value></summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromMinutes(2);
}

namespace Addons.Kit.Kubernetes.Watching;

/// <summary>The delay before the next retry: grows per failure, capped, jittered, and starts over after a healthy period.</summary>
internal sealed class Backoff(BackoffOptions options, TimeProvider time, Random? random = null)
{
    private readonly Random random = random ?? Random.Shared;
    private TimeSpan current;
    private DateTimeOffset lastFailure = DateTimeOffset.MinValue;

    /// <summary>The un-jittered delay of the last failure (for tests and logs).</summary>
    public TimeSpan Current => current;

    /// <summary>Records a failure and returns how long to wait before retrying.</summary>
    public TimeSpan Next()
    {
        var now = time.GetUtcNow();
        current = current == TimeSpan.Zero || now - lastFailure >= options.ResetAfter
            ? options.Initial
            : TimeSpan.FromTicks(Math.Min((long)(current.Ticks * options.Factor), options.Max.Ticks));
        lastFailure = now;
        var jittered = current + TimeSpan.FromTicks((long)(current.Ticks * options.Jitter * random.NextDouble()));
        return jittered < options.Max ? jittered : options.Max;
    }
}

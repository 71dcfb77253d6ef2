namespace Addons.Kit.Controllers;

/// <summary>
/// client-go's default controller rate limiter: the larger of a per-key exponential backoff
/// (5 ms doubling to 1000 s) and a global token bucket (10 qps, burst 100) shared by all keys.
/// </summary>
/// <remarks>Thread-safe. <see cref="Forget"/> resets a key's backoff after a success.</remarks>
internal sealed class RetryRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _failures = [];
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TokenBucket _bucket;

    public RetryRateLimiter(TimeProvider time, RetryRateLimiterOptions? options = null)
    {
        options ??= new RetryRateLimiterOptions();
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        _bucket = new TokenBucket(time, options.QueriesPerSecond, options.Burst);
    }

    /// <summary>The delay before <paramref name="key"/> may be retried; counts one more failure.</summary>
    public TimeSpan When(string key)
    {
        int failures;
        lock (_gate)
        {
            _failures.TryGetValue(key, out failures);
            _failures[key] = failures + 1;
        }

        // 2^failures overflows long before 1000 s is reached; cap the exponent first.
        var exponential = failures >= 40
            ? _maxDelay
            : TimeSpan.FromTicks(Math.Min(_maxDelay.Ticks, _baseDelay.Ticks * (1L << Math.Min(failures, 40))));
        var global = _bucket.Reserve();
        return exponential > global ? exponential : global;
    }

    /// <summary>How many times <paramref name="key"/> has failed since it was last forgotten.</summary>
    public int Failures(string key)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(key, out var failures) ? failures : 0;
        }
    }

    /// <summary>Resets <paramref name="key"/>'s backoff.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }
}

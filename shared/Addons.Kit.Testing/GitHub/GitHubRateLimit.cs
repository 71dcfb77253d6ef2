using System.Globalization;

namespace Addons.Kit.Testing.GitHub;

/// <summary>
/// The primary rate limit: a budget per window, reported in <c>X-RateLimit-*</c> headers on every
/// response; when spent, 403 "API rate limit exceeded" until the window resets. Conditional requests
/// answered 304 are free, as on GitHub. Thread-safe.
/// </summary>
public sealed class GitHubRateLimit
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private int _remaining;
    private DateTimeOffset _reset;

    internal GitHubRateLimit(int limit, TimeSpan window, TimeProvider time)
    {
        Limit = limit;
        _window = window;
        _time = time;
        _remaining = limit;
        _reset = time.GetUtcNow() + window;
    }

    /// <summary>The budget per window.</summary>
    public int Limit { get; }

    /// <summary>Requests left in the current window.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _remaining;
            }
        }
    }

    /// <summary>Sets what is left and when the window resets (e.g. 0 left, reset in 2 s, to test pausing).</summary>
    public void Set(int remaining, TimeSpan resetIn)
    {
        lock (_gate)
        {
            _remaining = remaining;
            _reset = _time.GetUtcNow() + resetIn;
        }
    }

    /// <summary>Charges one request; false when the budget is spent.</summary>
    internal bool TryCharge(bool free, out RateLimitSnapshot snapshot)
    {
        lock (_gate)
        {
            Roll();
            var allowed = _remaining > 0;
            if (allowed && !free)
            {
                _remaining--;
            }

            snapshot = new RateLimitSnapshot(Limit, _remaining, _reset.ToUnixTimeSeconds());
            return allowed;
        }
    }

    private void Roll()
    {
        var now = _time.GetUtcNow();
        if (now >= _reset)
        {
            _remaining = Limit;
            _reset = now + _window;
        }
    }

    internal readonly record struct RateLimitSnapshot(int Limit, int Remaining, long Reset)
    {
        public void Write(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
        {
            headers["X-RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = Reset.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Used"] = (Limit - Remaining).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Resource"] = "core";
        }
    }
}

using System.Collections.Concurrent;

namespace Addons.Kit.Http;

/// <summary>
/// Remembers, per host, until when the target said its rate limit is exhausted
/// (<c>X-RateLimit-Remaining: 0</c> on any response), so the next request waits instead of spending
/// a request on a certain 403/429.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _resumeAt = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that <paramref name="host"/> accepts requests again at <paramref name="resumeAt"/>.</summary>
    public void Block(string host, DateTimeOffset resumeAt) =>
        _resumeAt.AddOrUpdate(host, resumeAt, (_, current) => resumeAt > current ? resumeAt : current);

    /// <summary>How long a request to <paramref name="host"/> should wait now (zero when it may go at once).</summary>
    public TimeSpan WaitFor(string host, DateTimeOffset now)
    {
        if (!_resumeAt.TryGetValue(host, out var resumeAt))
        {
            return TimeSpan.Zero;
        }

        if (resumeAt <= now)
        {
            _resumeAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(host, resumeAt));
            return TimeSpan.Zero;
        }

        return resumeAt - now;
    }
}

using System.Globalization;
using System.Net;

namespace Addons.Kit.Http;

/// <summary>Reads what a response says about retrying: transient status, Retry-After, rate-limit headers.</summary>
internal static class RetrySignals
{
    /// <summary>Values of <c>X-RateLimit-Reset</c> above this are Unix epoch seconds (GitHub); below, seconds to wait.</summary>
    private const long EpochThreshold = 1_000_000_000;

    /// <summary>GET, HEAD, OPTIONS, TRACE, PUT and DELETE may be sent twice with the same effect (RFC 9110 §9.2.2).</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
        method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>408 and the 5xx codes a retry can fix (500, 502, 503, 504).</summary>
    public static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>429, or 403 with Retry-After or an exhausted rate limit (GitHub's primary and secondary limits).</summary>
    public static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests ||
        (response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || RateLimitExhausted(response)));

    /// <summary>
    /// How long the target asked us to wait: <c>Retry-After</c> (seconds or a date), else — when
    /// <c>X-RateLimit-Remaining</c> is 0 — until <c>X-RateLimit-Reset</c>. Null when it asked nothing.
    /// </summary>
    public static TimeSpan? RequestedWait(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NotNegative(date - now);
        }

        return RateLimitExhausted(response) ? ResetWait(response, now) : null;
    }

    /// <summary>When <c>X-RateLimit-Remaining: 0</c> came with a reset time: the moment requests may resume.</summary>
    public static DateTimeOffset? ExhaustedUntil(HttpResponseMessage response, DateTimeOffset now) =>
        RateLimitExhausted(response) && ResetWait(response, now) is { } wait ? now + wait : null;

    private static bool RateLimitExhausted(HttpResponseMessage response) =>
        Header(response, "X-RateLimit-Remaining") is { } remaining &&
        long.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left <= 0;

    private static TimeSpan? ResetWait(HttpResponseMessage response, DateTimeOffset now)
    {
        if (Header(response, "X-RateLimit-Reset") is not { } reset ||
            !long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return null;
        }

        return value > EpochThreshold
            ? NotNegative(DateTimeOffset.FromUnixTimeSeconds(value) - now)
            : TimeSpan.FromSeconds(value);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}

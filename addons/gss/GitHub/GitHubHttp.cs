using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.GitHub;

/// <summary>
/// GET against the GitHub REST API with GitHub's rules: a timeout per attempt, 5xx/timeouts/network
/// errors retried with exponential backoff and jitter, the primary rate limit (<c>X-RateLimit-Remaining</c>
/// / <c>Reset</c>) and secondary limits (403/429 with <c>Retry-After</c>) honoured by pausing every
/// request of the scan, and ETag conditional requests (a 304 costs no quota).
/// <para><b>Guarantees:</b> a call returns 2xx/304 (as 200) or 404, or throws <see cref="GitHubApiException"/>;
/// the token appears only in the Authorization header — never in a log line or an exception.</para>
/// <para>This is gss's seam for the kit's outbound HTTP client (Addons.Kit/Http) once that lands.</para>
/// </summary>
internal sealed partial class GitHubHttp(HttpClient http, GitHubHttpOptions options, TimeProvider time, ILogger<GitHubHttp> logger)
{
    private readonly ConcurrentDictionary<string, (string ETag, byte[] Body)> _etags = new(StringComparer.Ordinal);
    private readonly RateLimitGate _gate = new(time);

    /// <summary>What the calls so far cost.</summary>
    public GitHubStats Stats { get; } = new();

    /// <summary>The REST root.</summary>
    public Uri ApiUrl => options.ApiUrl;

    /// <summary>GET <paramref name="pathAndQuery"/> relative to the API root (e.g. <c>/orgs/acme/repos?per_page=100</c>).</summary>
    public Task<GitHubResponse> GetAsync(string pathAndQuery, CancellationToken ct) =>
        GetAsync(new Uri(options.ApiUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery), ct);

    /// <summary>GET an absolute URL (a <c>Link</c> header's next page).</summary>
    public async Task<GitHubResponse> GetAsync(Uri url, CancellationToken ct)
    {
        var path = url.PathAndQuery;
        var key = url.AbsoluteUri;
        int attempt = 0, waits = 0;
        while (true)
        {
            await _gate.WaitAsync(ct);
            _etags.TryGetValue(key, out var cached);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            if (cached.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
            }

            string failure;
            HttpStatusCode? status = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(options.RequestTimeout);
                Stats.Request();
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                    status = response.StatusCode;
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    var remaining = HeaderLong(response.Headers, "X-RateLimit-Remaining");
                    var reset = HeaderLong(response.Headers, "X-RateLimit-Reset");
                    if (remaining == 0 && reset is { } r && (int)status < 400)
                    {
                        // The budget is spent after this answer: hold everything until the reset.
                        PauseFor(path, DateTimeOffset.FromUnixTimeSeconds(r) + TimeSpan.FromSeconds(1), "primary rate limit spent");
                    }

                    switch ((int)status)
                    {
                        case >= 200 and < 300:
                            if (response.Headers.ETag is { } etag)
                            {
                                _etags[key] = (etag.ToString(), body);
                            }

                            return new GitHubResponse(HttpStatusCode.OK, body, LinkHeader.Next(Values(response.Headers, "Link")));
                        case 304 when cached.ETag is not null:
                            Stats.NotModifiedAnswer();
                            return new GitHubResponse(HttpStatusCode.OK, cached.Body, LinkHeader.Next(Values(response.Headers, "Link")));
                        case 404:
                            return new GitHubResponse(HttpStatusCode.NotFound, body, null);
                        case 403 or 429 when RateLimitPause(response, remaining, reset) is { } pause:
                            if (++waits > options.MaxRateLimitWaits || pause > options.MaxRateLimitPause)
                            {
                                throw new GitHubApiException(path, status, $"rate limited: {Message(body)} (gave up after {waits - 1} pauses)");
                            }

                            PauseFor(path, time.GetUtcNow() + pause, Message(body));
                            continue;
                        case >= 500:
                            failure = Message(body);
                            break;
                        default:
                            throw new GitHubApiException(path, status, Message(body));
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    failure = $"timed out after {options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }
            }

            if (++attempt > options.MaxRetries)
            {
                throw new GitHubApiException(path, status, $"{failure} (after {options.MaxRetries} retries)");
            }

            var delay = options.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
            Stats.Retry();
            LogRetry(logger, path, status is { } s ? (int)s : 0, failure, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, time, ct);
        }
    }

    private void PauseFor(string path, DateTimeOffset until, string reason)
    {
        Stats.RateLimitPause();
        LogPause(logger, path, (until - time.GetUtcNow()).TotalSeconds, reason);
        _gate.PauseUntil(until);
    }

    /// <summary>How long a 403/429 asks to wait, or null when it is not a rate limit (a plain 403 Forbidden).</summary>
    private TimeSpan? RateLimitPause(HttpResponseMessage response, long? remaining, long? reset)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromMinutes(1));
        }

        if (remaining == 0 && reset is { } r)
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(r) - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        // GitHub's documented fallback for a secondary limit without Retry-After: wait at least a minute.
        return response.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.FromMinutes(1) : null;
    }

    private static IEnumerable<string>? Values(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values : null;

    private static long? HeaderLong(HttpResponseHeaders headers, string name) =>
        Values(headers, name)?.FirstOrDefault() is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Message(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, GitHubJsonContext.Default.ErrorBody)?.Message ?? "no message";
        }
        catch (JsonException)
        {
            return "non-JSON body";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub rate limit on {Path}: pausing every request for {Seconds:F1}s ({Reason})")]
    private static partial void LogPause(ILogger logger, string path, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET {Path} failed ({Status}: {Failure}); retry {Attempt} in {DelayMs:F0}ms")]
    private static partial void LogRetry(ILogger logger, string path, int status, string failure, int attempt, double delayMs);
}

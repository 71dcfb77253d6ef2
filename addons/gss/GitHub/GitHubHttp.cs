using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Addons.Kit.Http;

namespace Addons.Gss.GitHub;

/// <summary>
/// GET against the GitHub REST API on the kit's outbound client (<see cref="OutboundHttp"/>: a timeout per
/// attempt, 5xx/timeouts/network errors retried with backoff and jitter, <c>Retry-After</c> and
/// <c>X-RateLimit-Remaining: 0</c>/<c>Reset</c> waited out — for this request and every later one to the
/// host), plus what is GitHub's own: the token, ETag conditional requests (a 304 costs no quota, the cached
/// body is returned), <c>Link</c> paging and GitHub's error bodies.
/// <para><b>Guarantees:</b> a call returns 2xx/304 (as 200) or 404, or throws <see cref="GitHubApiException"/>;
/// the token appears only in the Authorization header — never in a log line or an exception.</para>
/// </summary>
internal sealed class GitHubHttp
{
    private readonly ConcurrentDictionary<string, (string ETag, byte[] Body)> _etags = new(StringComparer.Ordinal);
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly string _root;
    private readonly int _maxRetries;

    /// <summary>Creates the client for <paramref name="target"/> (its <c>BaseAddress</c> is the REST root).</summary>
    public GitHubHttp(OutboundHttp outbound, HttpTargetOptions target, string token)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(target?.BaseAddress);
        _http = outbound.CreateClient(target);
        _token = token;
        _root = target.BaseAddress.AbsoluteUri.TrimEnd('/');
        _maxRetries = target.MaxRetries;
    }

    /// <summary>What the calls so far cost.</summary>
    public GitHubStats Stats { get; } = new();

    /// <summary>GET <paramref name="pathAndQuery"/> relative to the API root (e.g. <c>/orgs/acme/repos?per_page=100</c>).</summary>
    public Task<GitHubResponse> GetAsync(string pathAndQuery, CancellationToken ct) =>
        GetAsync(new Uri(_root + pathAndQuery), ct);

    /// <summary>GET an absolute URL (a <c>Link</c> header's next page).</summary>
    public async Task<GitHubResponse> GetAsync(Uri url, CancellationToken ct)
    {
        var path = url.PathAndQuery;
        var key = url.AbsoluteUri;
        _etags.TryGetValue(key, out var cached);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        if (cached.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
        }

        Stats.Request();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (TimeoutException e)
        {
            throw new GitHubApiException(path, null, $"timed out (after {_maxRetries} retries)", e);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApiException(path, null, $"{e.Message} (after {_maxRetries} retries)", e);
        }

        using (response)
        {
            var status = response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(ct);
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
                case 429 or 403 when IsRateLimit(response):
                    throw new GitHubApiException(path, status, $"rate limited: {Message(body)} (the wait asked for is too long, or {_maxRetries} retries did not outlast it)");
                case >= 500 or 408:
                    throw new GitHubApiException(path, status, $"{Message(body)} (after {_maxRetries} retries)");
                default:
                    throw new GitHubApiException(path, status, Message(body));
            }
        }
    }

    private static bool IsRateLimit(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || response.Headers.RetryAfter is not null
        || Values(response.Headers, "X-RateLimit-Remaining")?.FirstOrDefault() == "0";

    private static IEnumerable<string>? Values(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values : null;

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
}

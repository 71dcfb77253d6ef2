using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Publishing;

/// <summary>
/// POSTs JSON to Slack with a timeout per attempt, waiting out 429 with <c>Retry-After</c> (at most
/// <see cref="MaxRateLimitWaits"/> times). Web API answers with <c>ok:false</c> become a
/// <see cref="PublishException"/> naming Slack's <c>error</c>. Tokens and webhook URLs are never logged.
/// </summary>
internal sealed partial class SlackHttp(HttpClient http, TimeSpan timeout, TimeProvider time, ILogger<SlackHttp> logger)
{
    public const int MaxRateLimitWaits = 3;

    /// <summary>Calls a Web API method (<c>canvases.edit</c>) and checks <c>ok</c>.</summary>
    public async Task CallAsync(Uri apiUrl, string method, string token, byte[] json, CancellationToken ct)
    {
        var body = await PostAsync(new Uri(apiUrl.AbsoluteUri.TrimEnd('/') + "/" + method), method, token, json, ct);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return;
            }

            var error = doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : "no error given";
            throw new PublishException($"Slack {method} failed: {error}");
        }
        catch (JsonException)
        {
            throw new PublishException($"Slack {method} answered a non-JSON body");
        }
    }

    /// <summary>Posts to an incoming webhook; anything but 200 is an error with Slack's text (e.g. <c>invalid_payload</c>).</summary>
    public async Task PostWebhookAsync(Uri webhook, byte[] json, CancellationToken ct) =>
        await PostAsync(webhook, "incoming webhook", null, json, ct);

    private async Task<string> PostAsync(Uri url, string what, string? token, byte[] json, CancellationToken ct)
    {
        for (var waits = 0; ; waits++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(json) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new PublishException($"Slack {what} timed out after {timeout.TotalSeconds}s");
            }
            catch (HttpRequestException e)
            {
                throw new PublishException($"Slack {what} failed: {e.Message}", e);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    if (waits >= MaxRateLimitWaits)
                    {
                        throw new PublishException($"Slack {what} still rate limited after {MaxRateLimitWaits} waits");
                    }

                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    LogRateLimited(logger, what, wait.TotalSeconds);
                    await Task.Delay(wait, time, ct);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new PublishException($"Slack {what} failed: {(int)response.StatusCode} {Shorten(text)}");
                }

                return text;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {What} rate limited; retrying in {Seconds}s")]
    private static partial void LogRateLimited(ILogger logger, string what, double seconds);
}

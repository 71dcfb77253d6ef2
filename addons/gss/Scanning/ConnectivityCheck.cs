using System.Text.Json;
using Addons.Gss.GitHub;
using Microsoft.Extensions.Logging;

namespace Addons.Gss.Scanning;

/// <summary>
/// <c>GET {api}/meta</c> without credentials: 2xx with a JSON object passes. Tried
/// <c>CONNECTIVITY_MAX_RETRIES</c> times, <c>CONNECTIVITY_RETRY_INTERVAL</c> apart, each attempt bounded by
/// <c>CONNECTIVITY_TIMEOUT</c>; then <see cref="ScanFailedException"/>
/// "Failed to connect to GitHub Enterprise Server after N attempts: &lt;cause&gt;".
/// </summary>
internal sealed partial class ConnectivityCheck(HttpClient http, TimeProvider time, ILogger<ConnectivityCheck> logger)
{
    public async Task RunAsync(Uri api, int attempts, TimeSpan interval, TimeSpan timeout, CancellationToken ct)
    {
        var url = new Uri(api.AbsoluteUri.TrimEnd('/') + "/meta");
        var cause = "no attempt made";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                using var response = await http.GetAsync(url, limit.Token);
                var body = await response.Content.ReadAsByteArrayAsync(limit.Token);
                if (response.IsSuccessStatusCode && IsJsonObject(body))
                {
                    LogConnected(logger, url.GetLeftPart(UriPartial.Path), attempt);
                    return;
                }

                cause = response.IsSuccessStatusCode
                    ? $"{(int)response.StatusCode} from {url.AbsolutePath} is not a JSON object (is GITHUB_BASE_URL a GitHub server?)"
                    : $"{(int)response.StatusCode} {response.ReasonPhrase} from {url.AbsolutePath}";
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                cause = $"timed out after {timeout.TotalSeconds}s";
            }
            catch (HttpRequestException e)
            {
                cause = e.Message;
            }

            LogAttemptFailed(logger, attempt, attempts, cause);
            if (attempt < attempts)
            {
                await Task.Delay(interval, time, ct);
            }
        }

        throw new ScanFailedException($"Failed to connect to GitHub Enterprise Server after {attempts} attempts: {cause}");
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Url} (attempt {Attempt})")]
    private static partial void LogConnected(ILogger logger, string url, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connectivity attempt {Attempt}/{Attempts} failed: {Cause}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, int attempts, string cause);
}

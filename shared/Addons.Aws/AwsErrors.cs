using System.Net;
using System.Text.Json;

namespace Addons.Aws;

/// <summary>Turns AWS error responses (REST-JSON, query JSON or query XML) into <see cref="AwsServiceException"/>.</summary>
internal static class AwsErrors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
        "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException",
        "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "InternalError", "ServerException",
        "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError",
    };

    public static bool IsTransient(HttpStatusCode status, string code) =>
        TransientCodes.Contains(code) || status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static async Task<AwsServiceException> FromResponseAsync(string service, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var (code, message, bodyRequestId) = Parse(body);
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.FirstOrDefault() is { Length: > 0 } type)
        {
            code = type.Split(':')[0];
        }

        code ??= response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => "TooManyRequestsException",
            HttpStatusCode.Forbidden => "AccessDeniedException",
            HttpStatusCode.NotFound => "ResourceNotFoundException",
            _ when (int)response.StatusCode >= 500 => "ServiceUnavailable",
            _ => "HTTP" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id") ?? bodyRequestId;
        return new AwsServiceException(service, code, message ?? response.ReasonPhrase ?? "no message", response.StatusCode, requestId, IsTransient(response.StatusCode, code))
        {
            RetryAfter = RetryAfter(response),
        };
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static (string? Code, string? Message, string? RequestId) Parse(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return (XmlElement(trimmed, "Code"), XmlElement(trimmed, "Message"), XmlElement(trimmed, "RequestId"));
        }

        if (!trimmed.StartsWith('{'))
        {
            return (null, trimmed.Length == 0 ? null : trimmed[..Math.Min(trimmed.Length, 200)], null);
        }

        try
        {
            using var doc = JsonDocument.Parse(trimmed);
            var root = doc.RootElement;
            var error = root.TryGetProperty("Error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
            var code = String(error, "Code") ?? String(root, "__type") ?? String(root, "code");
            return (code?.Split('#')[^1], String(error, "Message") ?? String(root, "message"), String(root, "RequestId"));
        }
        catch (JsonException)
        {
            return (null, trimmed[..Math.Min(trimmed.Length, 200)], null);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? XmlElement(string xml, string name)
    {
        var open = xml.IndexOf("<" + name + ">", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var start = open + name.Length + 2;
        var end = xml.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? null : System.Net.WebUtility.HtmlDecode(xml[start..end]);
    }
}

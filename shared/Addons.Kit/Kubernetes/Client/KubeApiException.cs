using System.Net;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// The API server answered a request with an error status (a Kubernetes <c>Status</c> body when it sent one).
/// </summary>
/// <remarks>
/// Retry semantics: 409 (<see cref="IsConflict"/>) means re-read and retry; 410 (<see cref="IsGone"/>) on a
/// watch means relist; 429/5xx are transient (<see cref="RetryAfter"/> says how long the server asked to
/// wait); 401/403/404/422 are not fixed by retrying the same request.
/// The message reads like <c>Forbidden: patch nodepools "default": …</c> so callers can show it as is.
/// </remarks>
public sealed class KubeApiException : Exception
{
    /// <summary>Creates the exception for a failed request.</summary>
    /// <remarks><paramref name="statusMessage"/> comes from the server (or a webhook, or a proxy) and may echo a
    /// credential: anything that looks like a bearer token or an Authorization header is redacted before it is kept.</remarks>
    public KubeApiException(HttpStatusCode statusCode, string reason, string statusMessage, string verb, string resource, string? name = null, TimeSpan? retryAfter = null)
        : base(FormatMessage(SecretRedactor.Redact(reason), verb, resource, name, SecretRedactor.Redact(statusMessage)))
    {
        StatusCode = statusCode;
        Reason = SecretRedactor.Redact(reason);
        StatusMessage = SecretRedactor.Redact(statusMessage);
        Verb = verb;
        Resource = resource;
        Name = name;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status (the <c>code</c> of the Status body when present).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The machine-readable reason from the Status body (e.g. <c>Conflict</c>, <c>Expired</c>), else the HTTP reason.</summary>
    public string Reason { get; }

    /// <summary>The human-readable <c>message</c> from the Status body (may be empty), credentials redacted.</summary>
    public string StatusMessage { get; }

    /// <summary>The Kubernetes verb of the request: get, list, watch, create, update, patch, delete.</summary>
    public string Verb { get; }

    /// <summary>The resource (plural, with <c>/subresource</c> if any), e.g. <c>nodepools</c> or <c>leases</c>.</summary>
    public string Resource { get; }

    /// <summary>The object name, when the request was about one object.</summary>
    public string? Name { get; }

    /// <summary>The server's Retry-After (header or <c>details.retryAfterSeconds</c>), when given.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>404: the object (or the namespace, or the resource type) does not exist.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>409: a stale resourceVersion or an object that already exists.</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    /// <summary>410: the resourceVersion is too old (watch or continue token expired).</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone;

    /// <summary>403: RBAC denied the request.</summary>
    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>429: the server asks the client to slow down.</summary>
    public bool IsTooManyRequests => StatusCode == HttpStatusCode.TooManyRequests;

    private static string FormatMessage(string reason, string verb, string resource, string? name, string statusMessage)
    {
        var target = name is null ? resource : resource + " \"" + name + "\"";
        return statusMessage.Length == 0
            ? reason + ": " + verb + " " + target
            : reason + ": " + verb + " " + target + ": " + statusMessage;
    }
}

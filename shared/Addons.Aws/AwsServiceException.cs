using System.Net;

namespace Addons.Aws;

/// <summary>
/// A failed AWS call. <see cref="IsTransient"/> states the retry semantics: throttling, 5xx, timeouts and
/// network failures are transient (retry with backoff); everything else — AccessDenied, ResourceNotFound,
/// InvalidParameter, InvalidRequest, bad credentials — is permanent. The AWS error code and request id are
/// kept for the status message and the logs; the message never contains credentials.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsServiceException(string service, string errorCode, string message, HttpStatusCode? statusCode, string? requestId, bool isTransient, Exception? inner = null)
        : base($"{service}: {errorCode}: {message}" + (requestId is null ? "" : $" (request id {requestId})"), inner)
    {
        Service = service;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
        IsTransient = isTransient;
        AwsMessage = message;
    }

    /// <summary>Creates an exception with a plain message (required by the exception pattern).</summary>
    public AwsServiceException()
        : this("aws", "Unknown", "unknown error", null, null, false)
    {
    }

    /// <summary>Creates an exception with a plain message (required by the exception pattern).</summary>
    public AwsServiceException(string message)
        : this("aws", "Unknown", message, null, null, false)
    {
    }

    /// <summary>Creates an exception with a plain message (required by the exception pattern).</summary>
    public AwsServiceException(string message, Exception innerException)
        : this("aws", "Unknown", message, null, null, false, innerException)
    {
    }

    /// <summary>"eks", "sts", "container-credentials", …</summary>
    public string Service { get; }

    /// <summary>The AWS error code, e.g. ResourceNotFoundException, ThrottlingException, SignatureDoesNotMatch; "NetworkError" or "Timeout" when no response came.</summary>
    public string ErrorCode { get; }

    /// <summary>The message AWS returned.</summary>
    public string AwsMessage { get; }

    /// <summary>The HTTP status, or null when no response came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The x-amzn-RequestId of the failed call, when AWS sent one.</summary>
    public string? RequestId { get; }

    /// <summary>True for errors worth retrying with backoff.</summary>
    public bool IsTransient { get; }

    /// <summary>How long AWS asked us to wait (Retry-After), when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

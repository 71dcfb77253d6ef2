using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// The process's one connection to the Kubernetes API: one pooled <see cref="HttpClient"/>, credentials,
/// metrics. Hand out typed clients with <see cref="For{T}"/>.
/// </summary>
/// <remarks>
/// Guarantees: every request carries fresh credentials (rotated token files and exec plugins are re-read),
/// is counted in <c>rest_client_requests_total{code,method}</c>, and fails with <see cref="KubeApiException"/>
/// when the server answers with an error. Non-watch requests are bounded by <see cref="KubeApiOptions.RequestTimeout"/>
/// (real time: it guards real I/O; headers and body) and throw <see cref="TimeoutException"/> when it passes. A body
/// above <see cref="KubeApiOptions.MaxResponseBytes"/>, truncated, or not the JSON expected is a
/// <see cref="KubeResponseException"/>; a failing exec credential plugin a <see cref="KubeCredentialException"/>.
/// </remarks>
public sealed partial class KubeApi : IDisposable
{
    // A Status body is a few hundred bytes; anything far larger is not one.
    private const int MaxErrorBodyBytes = 1024 * 1024;
    private readonly HttpClient http;
    private readonly string baseUrl;
    private readonly KubeApiOptions options;
    private readonly ILogger logger;

    /// <summary>Creates the client. One per process; dispose it at shutdown.</summary>
    public KubeApi(KubeConnection connection, KubeApiOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(connection, options, loggerFactory, timeProvider, null)
    {
    }

    /// <summary>Test seam: <paramref name="wrapHandler"/> may wrap the transport (e.g. to count requests).</summary>
    internal KubeApi(KubeConnection connection, KubeApiOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        this.options = options ?? new KubeApiOptions();
        Time = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        logger = LoggerFactory.CreateLogger("Addons.Kit.Kubernetes.Client.KubeApi");
        HttpMessageHandler handler = connection.CreateHandler(this.options);
        http = new HttpClient(wrapHandler is null ? handler : wrapHandler(handler), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(this.options.UserAgent);
        baseUrl = connection.Server.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Where and how this client connects.</summary>
    public KubeConnection Connection { get; }

    /// <summary>The namespace of the current context (or of the pod), else <c>default</c>.</summary>
    public string DefaultNamespace => Connection.Namespace ?? "default";

    /// <summary>The clock used by helpers built on this client (watchers, electors, recorders).</summary>
    public TimeProvider Time { get; }

    /// <summary>The logger factory helpers built on this client log to.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>A typed client for one resource type. Cheap; may be called per use or cached.</summary>
    /// <param name="type">Which resource.</param>
    /// <param name="json">Source-generated metadata for <typeparamref name="T"/> (Kubernetes wire options, see <see cref="KubeJson"/>).</param>
    public ResourceClient<T> For<T>(ResourceType type, JsonTypeInfo<T> json)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        return new ResourceClient<T>(this, type, json);
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    /// <summary>Sends a request and returns the success body; throws <see cref="KubeApiException"/> otherwise.</summary>
    internal async Task<byte[]> SendAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            // Headers first, then the body under the same deadline and the size cap.
            using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ResponseBody.ReadAsync(response.Content, options.MaxResponseBytes, request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Verb} {request.Resource} timed out after {options.RequestTimeout.TotalSeconds:0.#}s");
        }
    }

    /// <summary>Opens a streaming response (watch). The caller disposes it; no request timeout applies.</summary>
    internal Task<HttpResponseMessage> OpenStreamAsync(KubeRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    private async Task<HttpResponseMessage> SendCoreAsync(KubeRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, baseUrl + request.PathAndQuery);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Authorization = await Connection.Credentials.GetAuthorizationAsync(cancellationToken);
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/json");
        }

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, completion, cancellationToken);
        }
        catch (HttpRequestException)
        {
            RestClientMetrics.Requests.WithLabels("<error>", request.Method.Method).Inc();
            throw;
        }

        RestClientMetrics.Latency.WithLabels(request.Verb).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        RestClientMetrics.Requests.WithLabels(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), request.Method.Method).Inc();
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(request, response, cancellationToken);
        }
    }

    private async Task<KubeApiException> ToExceptionAsync(KubeRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Log.CredentialsRejected(logger);
            Connection.Credentials.Invalidate();
        }

        byte[] body;
        try
        {
            body = await ResponseBody.ReadAsync(response.Content, MaxErrorBodyBytes, request, cancellationToken);
        }
        catch (KubeResponseException)
        {
            // An error body too large or cut short: the HTTP status alone describes the failure.
            body = [];
        }

        V1Status? status = null;
        if (body.Length > 0 && body[0] == (byte)'{')
        {
            try
            {
                status = JsonSerializer.Deserialize(body, KubeJsonContext.Default.V1Status);
            }
            catch (JsonException)
            {
                // Not a Status body (e.g. a proxy's error page): the HTTP status alone describes the failure.
                status = null;
            }
        }

        var code = response.StatusCode;
        var reason = SecretRedactor.Redact(!string.IsNullOrEmpty(status?.Reason) ? status.Reason : response.ReasonPhrase ?? code.ToString());
        var retryAfter = RetryAfter(response) ?? (status?.Details?.RetryAfterSeconds is int s && s > 0 ? TimeSpan.FromSeconds(s) : null);
        Log.RequestFailed(logger, request.Verb, request.Resource, request.Name, (int)code, reason);
        return new KubeApiException(code, reason, status?.Message ?? "", request.Verb, request.Resource, request.Name, retryAfter);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - Time.GetUtcNow() : null;
    }
}

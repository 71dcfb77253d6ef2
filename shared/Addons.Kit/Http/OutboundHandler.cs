using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Addons.Kit.Http;

/// <summary>
/// The per-target handler: rate-limit gate → attempt (timeout, metrics, buffered body) → Polly retry
/// with exponential backoff and jitter, delays taken from Retry-After / X-RateLimit-Reset when given.
/// </summary>
/// <remarks>
/// Guarantees: a retried request is a fresh copy of the original (headers, options, buffered body);
/// a wait longer than <see cref="HttpTargetOptions.MaxRetryAfter"/> is never taken (the response goes
/// back); logs carry the method, the redacted URI and the status — never headers or query values.
/// </remarks>
internal sealed partial class OutboundHandler : HttpMessageHandler
{
    private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("Addons.Kit.Http.Method");
    private static readonly ResiliencePropertyKey<string> UriKey = new("Addons.Kit.Http.Uri");

    private readonly HttpMessageInvoker _transport;
    private readonly HttpTargetOptions _options;
    private readonly RateLimitGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public OutboundHandler(HttpMessageHandler transport, HttpTargetOptions options, RateLimitGate gate, TimeProvider time, ILogger logger)
    {
        _transport = new HttpMessageInvoker(transport, disposeHandler: false);
        _options = options;
        _gate = gate;
        _time = time;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RequestedWait(response) : null),
                OnRetry = args =>
                {
                    LogRetrying(args.Context, args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, request.Method);
        context.Properties.Set(UriKey, HttpRedaction.Redact(request.RequestUri));
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Request, state.Body, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Body: body));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage original, byte[]? body, CancellationToken cancellationToken)
    {
        var host = original.RequestUri?.Host ?? "";
        await WaitForRateLimitAsync(host, original, cancellationToken);
        var request = Copy(original, body);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await _transport.SendAsync(request, attempt.Token);
            HttpClientMetrics.Duration.WithLabels(host).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            HttpClientMetrics.Requests.WithLabels(host, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)).Inc();
            // Buffered inside the attempt: a stalled body is a timed-out (retryable) attempt, not a hung caller.
            await response.Content.LoadIntoBufferAsync(attempt.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            if (response is null)
            {
                HttpClientMetrics.Requests.WithLabels(host, HttpClientMetrics.NoResponse).Inc();
            }

            response?.Dispose();
            if (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{_options.Name}: {original.Method} {HttpRedaction.Redact(original.RequestUri)} timed out after {_options.AttemptTimeout.TotalSeconds:0.###}s"));
            }

            throw;
        }

        if (RetrySignals.ExhaustedUntil(response, _time.GetUtcNow()) is { } resumeAt)
        {
            _gate.Block(host, resumeAt);
        }

        return response;
    }

    private async Task WaitForRateLimitAsync(string host, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var wait = _gate.WaitFor(host, _time.GetUtcNow());
        // A longer wait than the cap is not taken: the target will answer 403/429 and the caller sees it.
        if (wait > TimeSpan.Zero && wait <= _options.MaxRetryAfter)
        {
            Log.RateLimited(_logger, _options.Name, request.Method.Method, HttpRedaction.Redact(request.RequestUri), wait);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var method = context.Properties.GetValue(MethodKey, HttpMethod.Get);
        var mayRepeat = _options.RetryNonIdempotent || RetrySignals.IsIdempotent(method);
        if (outcome.Exception is { } ex)
        {
            // The caller's own cancellation is never retried; a timed-out attempt or a broken connection is.
            return mayRepeat && !context.CancellationToken.IsCancellationRequested && ex is HttpRequestException or TimeoutException or IOException;
        }

        var response = outcome.Result!;
        var asked = RetrySignals.RequestedWait(response, _time.GetUtcNow());
        var withinCap = asked is null || asked <= _options.MaxRetryAfter;
        if (RetrySignals.IsRateLimited(response))
        {
            // The target refused the request without acting on it: any method may be sent again.
            return withinCap;
        }

        return mayRepeat && RetrySignals.IsTransient(response.StatusCode) && withinCap;
    }

    /// <summary>The wait the target asked for, when it is within the cap; else null (backoff, or no retry).</summary>
    private TimeSpan? RequestedWait(HttpResponseMessage response) =>
        RetrySignals.RequestedWait(response, _time.GetUtcNow()) is { } wait && wait <= _options.MaxRetryAfter ? wait : null;

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    private void LogRetrying(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attempt, TimeSpan delay)
    {
        var method = context.Properties.GetValue(MethodKey, HttpMethod.Get).Method;
        var uri = context.Properties.GetValue(UriKey, "");
        var result = outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";
        Log.Retry(_logger, _options.Name, method, uri, result, attempt, delay);
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.Http;

/// <summary>
/// Hands out <see cref="HttpClient"/>s for outbound targets (GitHub, Slack, AWS, Grafana, OIDC) that
/// share one pooled connection handler. One per process (from DI: <c>services.AddOutboundHttp()</c>).
/// <code>
/// var github = http.CreateClient(new HttpTargetOptions { Name = "github", BaseAddress = new("https://ghe.example.com/api/v3/") });
/// using var response = await github.GetAsync("orgs/acme/repos?per_page=100", ct);
/// </code>
/// </summary>
/// <remarks>
/// <para>Guarantees, per client: each attempt bounded by <see cref="HttpTargetOptions.AttemptTimeout"/>
/// (a <see cref="TimeoutException"/> naming the redacted URI after the last one); idempotent requests
/// retried on connection errors, timeouts, 408 and 5xx with exponential backoff and jitter; any request
/// retried on 429 and on 403 with <c>Retry-After</c> or <c>X-RateLimit-Remaining: 0</c>, after the wait
/// the target asked for (capped by <see cref="HttpTargetOptions.MaxRetryAfter"/>); once a response says
/// the rate limit is exhausted, later requests to that host wait until its reset (same cap);
/// <c>http_client_requests_total{host,code}</c> and <c>http_client_request_duration_seconds{host}</c> per attempt;
/// nothing logged contains a header or a query value.</para>
/// <para>Caveats: responses are buffered inside the attempt (targets are APIs, not downloads); after the
/// last retry the final response is returned as it is — callers check the status.</para>
/// </remarks>
public sealed class OutboundHttp : IDisposable
{
    private readonly SocketsHttpHandler _transport;
    private readonly RateLimitGate _gate = new();
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;

    /// <summary>Creates the factory and its connection pool.</summary>
    /// <param name="loggers">Where retries and rate-limit waits are logged.</param>
    /// <param name="time">Clock for backoff and rate-limit waits (tests pass a fake one).</param>
    public OutboundHttp(ILoggerFactory? loggers = null, TimeProvider? time = null)
        : this(loggers, time, null)
    {
    }

    /// <summary>Test seam: <paramref name="configure"/> adjusts the shared transport (e.g. to trust a test CA).</summary>
    internal OutboundHttp(ILoggerFactory? loggers, TimeProvider? time, Action<SocketsHttpHandler>? configure)
    {
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        _transport = new SocketsHttpHandler
        {
            // Connections are reused per host and replaced every few minutes so DNS changes are seen.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
        configure?.Invoke(_transport);
    }

    /// <summary>
    /// A client for one target. Cheap: clients share the connection pool; create one per target and keep it.
    /// Disposing the client does not close the shared pool.
    /// </summary>
    /// <param name="target">The target's timeouts, retries and identity (validated here).</param>
    public HttpClient CreateClient(HttpTargetOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        var handler = new OutboundHandler(_transport, target, _gate, _time, _loggers.CreateLogger("Addons.Kit.Http.OutboundHttp"));
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = target.BaseAddress };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(target.UserAgent);
        return client;
    }

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();
}

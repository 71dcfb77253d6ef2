using System.Text;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Addons.Kit.Health;

/// <summary>
/// Answers <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>. Bodies follow the Kubernetes
/// apiserver's probe format (<c>[+]name ok</c> / <c>[-]name failed: reason withheld</c>); failure
/// reasons go to the debug log only, never into the public body.
/// </summary>
/// <remarks>
/// A scrape storm (many clients, or one pipelining <c>/metrics</c>) renders at most once per
/// <see cref="MetricsReuse"/> per format: one render at a time, and answers within that window reuse it, so
/// the probes keep their CPU.
/// </remarks>
internal sealed partial class ProbeResponder(HealthRegistry registry, CollectorRegistry metrics, ILogger<ProbeResponder> logger, TimeProvider? time = null)
{
    /// <summary>How long a rendered <c>/metrics</c> body is reused (1 s, far below any scrape interval).</summary>
    private static readonly TimeSpan MetricsReuse = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _render = new(1, 1);
    private readonly (ReadOnlyMemory<byte> Body, long At)[] _rendered = new (ReadOnlyMemory<byte>, long)[2];

    private const string TextPlain = "text/plain; charset=utf-8";
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetricsText = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public async Task<ProbeResponse> RespondAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return Text(405, "method not allowed\n");
        }

        return request.Path switch
        {
            "/healthz" or "/livez" => Checks("healthz", HealthCheckKind.Liveness, IsVerbose(request.Query)),
            "/readyz" => Checks("readyz", HealthCheckKind.Readiness, IsVerbose(request.Query)),
            "/metrics" => await MetricsAsync(request.Accept, cancellationToken),
            _ => Text(404, "not found\n"),
        };
    }

    private ProbeResponse Checks(string endpoint, HealthCheckKind kind, bool verbose)
    {
        var body = new StringBuilder();
        var healthy = true;
        foreach (var check in registry.Checks(kind))
        {
            var result = check.Check();
            healthy &= result.Healthy;
            if (!result.Healthy)
            {
                Log.CheckFailed(logger, endpoint, check.Name, result.Reason ?? "no reason given");
            }

            if (verbose)
            {
                body.Append(result.Healthy ? "[+]" : "[-]").Append(check.Name)
                    .Append(result.Healthy ? " ok\n" : " failed: reason withheld\n");
            }
        }

        if (verbose)
        {
            body.Append(endpoint).Append(healthy ? " check passed\n" : " check failed\n");
        }
        else
        {
            body.Append(healthy ? "ok\n" : endpoint + " check failed\n");
        }

        return Text(healthy ? 200 : 503, body.ToString());
    }

    private async Task<ProbeResponse> MetricsAsync(string? accept, CancellationToken cancellationToken)
    {
        var openMetrics = accept?.Contains("application/openmetrics-text", StringComparison.OrdinalIgnoreCase) == true;
        var slot = openMetrics ? 1 : 0;
        await _render.WaitAsync(cancellationToken);
        try
        {
            var (body, at) = _rendered[slot];
            if (at == 0 || _time.GetElapsedTime(at) >= MetricsReuse)
            {
                using var buffer = new MemoryStream();
                await metrics.CollectAndExportAsTextAsync(
                    buffer, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, cancellationToken);
                body = buffer.ToArray();
                _rendered[slot] = (body, _time.GetTimestamp());
            }

            return new ProbeResponse(200, openMetrics ? OpenMetricsText : PrometheusText, body);
        }
        finally
        {
            _render.Release();
        }
    }

    // "?verbose" and "?verbose=1" both count, as on the apiserver.
    private static bool IsVerbose(string query) =>
        query.Split('&').Any(p => p == "verbose" || p.StartsWith("verbose=", StringComparison.Ordinal));

    private static ProbeResponse Text(int status, string body) => new(status, TextPlain, Encoding.UTF8.GetBytes(body));
}

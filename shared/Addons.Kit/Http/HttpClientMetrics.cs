using Prometheus;

namespace Addons.Kit.Http;

/// <summary>Outbound HTTP metrics, one series per target host and status code.</summary>
internal static class HttpClientMetrics
{
    /// <summary>Code label of an attempt that got no response (connection error or attempt timeout).</summary>
    public const string NoResponse = "<error>";

    public static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "http_client_requests_total",
        "Outbound HTTP attempts (retries included), by target host and status code (<error>: no response).",
        new CounterConfiguration { LabelNames = ["host", "code"] });

    public static readonly Histogram Duration = Prometheus.Metrics.CreateHistogram(
        "http_client_request_duration_seconds",
        "Outbound HTTP attempt duration in seconds (until response headers), by target host.",
        new HistogramConfiguration
        {
            LabelNames = ["host"],
            Buckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
        });
}

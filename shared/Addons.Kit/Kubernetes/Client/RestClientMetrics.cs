using Prometheus;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>client-go compatible REST metrics, so existing dashboards work.</summary>
internal static class RestClientMetrics
{
    public static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "rest_client_requests_total",
        "Number of HTTP requests to the Kubernetes API, partitioned by status code and method.",
        new CounterConfiguration { LabelNames = ["code", "method"] });

    public static readonly Histogram Latency = Prometheus.Metrics.CreateHistogram(
        "rest_client_request_duration_seconds",
        "Kubernetes API request latency in seconds (until response headers), by verb.",
        new HistogramConfiguration
        {
            LabelNames = ["verb"],
            Buckets = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
        });
}

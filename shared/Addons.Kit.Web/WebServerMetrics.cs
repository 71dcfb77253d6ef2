using Prometheus;

namespace Addons.Kit.Web;

/// <summary>
/// Request metrics of the addon's HTTP server, on the process registry like every kit metric. <c>route</c> is
/// the matched route template (<c>/api/v1/reports/{id}</c>), never the raw path: the label set stays bounded.
/// </summary>
internal static class WebServerMetrics
{
    /// <summary>The route label of a request no endpoint matched.</summary>
    public const string UnmatchedRoute = "unmatched";

    public static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "http_server_requests_total", "HTTP requests the addon's server answered, by method, route template and status code.",
        "method", "route", "code");

    public static readonly Histogram Duration = Prometheus.Metrics.CreateHistogram(
        "http_server_request_duration_seconds", "Time from request start to the end of the response, by method and route template.",
        new HistogramConfiguration
        {
            LabelNames = ["method", "route"],
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    /// <summary>A bounded method label: the usual verbs, anything else as OTHER.</summary>
    public static string Method(string method) => method switch
    {
        "GET" or "HEAD" or "POST" or "PUT" or "PATCH" or "DELETE" or "OPTIONS" => method,
        _ => "OTHER",
    };
}

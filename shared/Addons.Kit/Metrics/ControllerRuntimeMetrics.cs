using Prometheus;

namespace Addons.Kit.Metrics;

/// <summary>
/// Controller metrics under controller-runtime's names and labels, so existing dashboards and
/// alerts for Go operators work unchanged.
/// </summary>
internal static class ControllerRuntimeMetrics
{
    // controller-runtime's reconcile time buckets (pkg/internal/controller/metrics).
    private static readonly double[] ReconcileBuckets =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    public static readonly Counter ReconcileTotal = Prometheus.Metrics.CreateCounter(
        "controller_runtime_reconcile_total", "Total number of reconciliations per controller", "controller", "result");

    public static readonly Counter ReconcileErrors = Prometheus.Metrics.CreateCounter(
        "controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", "controller");

    public static readonly Counter TerminalReconcileErrors = Prometheus.Metrics.CreateCounter(
        "controller_runtime_terminal_reconcile_errors_total", "Total number of terminal reconciliation errors per controller", "controller");

    public static readonly Histogram ReconcileTime = Prometheus.Metrics.CreateHistogram(
        "controller_runtime_reconcile_time_seconds", "Length of time per reconciliation per controller",
        new HistogramConfiguration { LabelNames = ["controller"], Buckets = ReconcileBuckets });

    public static readonly Gauge ActiveWorkers = Prometheus.Metrics.CreateGauge(
        "controller_runtime_active_workers", "Number of currently used workers per controller", "controller");

    public static readonly Gauge MaxConcurrentReconciles = Prometheus.Metrics.CreateGauge(
        "controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", "controller");
}

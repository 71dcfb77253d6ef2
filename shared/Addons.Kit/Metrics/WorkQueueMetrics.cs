using Prometheus;

namespace Addons.Kit.Metrics;

/// <summary>
/// One work queue's metrics under client-go/controller-runtime's names (<c>workqueue_*</c>, labels
/// <c>controller</c> and <c>name</c>, both the controller's name as controller-runtime sets them).
/// </summary>
internal sealed class WorkQueueMetrics
{
    // controller-runtime's workqueue buckets: prometheus.ExponentialBuckets(10e-9, 10, 12).
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(10e-9, 10, 12);

    private static readonly string[] Labels = ["controller", "name"];

    private static readonly Gauge DepthFamily = Prometheus.Metrics.CreateGauge(
        "workqueue_depth", "Current depth of workqueue", Labels);

    private static readonly Counter AddsFamily = Prometheus.Metrics.CreateCounter(
        "workqueue_adds_total", "Total number of adds handled by workqueue", Labels);

    private static readonly Counter RetriesFamily = Prometheus.Metrics.CreateCounter(
        "workqueue_retries_total", "Total number of retries handled by workqueue", Labels);

    private static readonly Histogram QueueDurationFamily = Prometheus.Metrics.CreateHistogram(
        "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested",
        new HistogramConfiguration { LabelNames = Labels, Buckets = DurationBuckets });

    private static readonly Histogram WorkDurationFamily = Prometheus.Metrics.CreateHistogram(
        "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes",
        new HistogramConfiguration { LabelNames = Labels, Buckets = DurationBuckets });

    public WorkQueueMetrics(string name)
    {
        Depth = DepthFamily.WithLabels(name, name);
        Adds = AddsFamily.WithLabels(name, name);
        Retries = RetriesFamily.WithLabels(name, name);
        QueueDuration = QueueDurationFamily.WithLabels(name, name);
        WorkDuration = WorkDurationFamily.WithLabels(name, name);
    }

    public Gauge.Child Depth { get; }

    public Counter.Child Adds { get; }

    public Counter.Child Retries { get; }

    public Histogram.Child QueueDuration { get; }

    public Histogram.Child WorkDuration { get; }
}

using Addons.Cleaner.Cleaning;
using Prometheus;

namespace Addons.Cleaner.Metrics;

/// <summary>
/// The <c>cleaner_*</c> metrics in the prometheus-net default registry, which the kit's listener
/// serves on <c>/metrics</c>.
/// </summary>
internal sealed class PrometheusCleanerMetrics : ICleanerMetrics
{
    private readonly Gauge _usage;
    private readonly Counter _files;
    private readonly Counter _bytes;
    private readonly Histogram _cycle;

    public PrometheusCleanerMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _usage = factory.CreateGauge("cleaner_disk_usage_percent", "Disk usage of the filesystem holding a target path, in percent (statfs: (blocks - bavail) / blocks).", "path");
        _files = factory.CreateCounter("cleaner_files_deleted_total", "Files deleted under a target path.", "path");
        _bytes = factory.CreateCounter("cleaner_bytes_freed_total", "Bytes of the files deleted under a target path.", "path");
        _cycle = factory.CreateHistogram("cleaner_cycle_duration_seconds", "Duration of one cleaning cycle over all target paths.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 4, 8) });
    }

    /// <summary>Creates the per-path series at zero so dashboards see them before the first deletion.</summary>
    public void Prepare(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _files.WithLabels(path);
            _bytes.WithLabels(path);
        }
    }

    public void SetUsage(string path, double percent) => _usage.WithLabels(path).Set(percent);

    public void AddDeleted(string path, long files, long bytes)
    {
        _files.WithLabels(path).Inc(files);
        _bytes.WithLabels(path).Inc(bytes);
    }

    public void ObserveCycle(TimeSpan duration) => _cycle.Observe(duration.TotalSeconds);
}

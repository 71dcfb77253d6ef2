using Addons.Kit.Versioning;
using Prometheus;

namespace Addons.Kit.Metrics;

/// <summary>
/// The process-wide prometheus-net registry setup: default collectors trimmed to what is worth
/// its memory, and the <c>&lt;addon&gt;_build_info{version,commit}</c> gauge.
/// </summary>
internal static class KitMetrics
{
    private static int _configured;

    /// <summary>
    /// Keeps prometheus-net's process metrics (CPU, RSS, open fds, GC counts) and drops the
    /// EventCounter and Meter adapters: each runs a listener that costs idle memory and CPU.
    /// </summary>
    public static void ConfigureDefaultRegistry()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressProcessMetrics = false,
            SuppressDebugMetrics = true,
            SuppressEventCounters = true,
            SuppressMeters = true,
        });
    }

    /// <summary>Publishes <c>&lt;addon&gt;_build_info{version,commit} 1</c>.</summary>
    public static void PublishBuildInfo(BuildInfo build)
    {
        Prometheus.Metrics
            .CreateGauge(MetricName(build.Addon) + "_build_info", "Build information of the running addon: version and commit.", "version", "commit")
            .WithLabels(build.Version, build.Commit)
            .Set(1);
    }

    /// <summary>Turns an addon name into a valid Prometheus metric name prefix (<c>my-addon</c> → <c>my_addon</c>).</summary>
    public static string MetricName(string addon)
    {
        var chars = addon.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]))
            {
                chars[i] = '_';
            }
        }

        var name = new string(chars);
        return name.Length > 0 && char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }
}

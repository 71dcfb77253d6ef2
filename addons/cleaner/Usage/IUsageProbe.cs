namespace Addons.Cleaner.Usage;

/// <summary>Measures how full the filesystem holding a path is.</summary>
internal interface IUsageProbe
{
    /// <summary>Throws <see cref="UsageProbeException"/> when the path cannot be measured (e.g. it does not exist).</summary>
    DiskUsage Measure(string path);
}

namespace Addons.Cleaner.Cleaning;

/// <summary>Metrics that go nowhere (tests, and the listener turned off).</summary>
internal sealed class NullCleanerMetrics : ICleanerMetrics
{
    public static readonly NullCleanerMetrics Instance = new();

    public void SetUsage(string path, double percent)
    {
    }

    public void AddDeleted(string path, long files, long bytes)
    {
    }

    public void ObserveCycle(TimeSpan duration)
    {
    }
}

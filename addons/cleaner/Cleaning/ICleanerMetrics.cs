namespace Addons.Cleaner.Cleaning;

/// <summary>The <c>cleaner_*</c> metrics a cycle reports.</summary>
internal interface ICleanerMetrics
{
    void SetUsage(string path, double percent);

    void AddDeleted(string path, long files, long bytes);

    void ObserveCycle(TimeSpan duration);
}

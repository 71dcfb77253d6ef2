namespace Charts.Tests;

/// <summary>The chart folders of the repository (one holding Chart.yaml directly under charts/).</summary>
internal static class ChartFolders
{
    /// <summary>Every chart folder, as paths relative to the root (charts/name), ordinal order.</summary>
    public static IEnumerable<string> All()
    {
        var charts = Path.Combine(Repo.Root, "charts");
        return Directory.Exists(charts)
            ? Directory.EnumerateDirectories(charts).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))).Select(d => Path.GetRelativePath(Repo.Root, d)).Order(StringComparer.Ordinal)
            : [];
    }

    /// <summary>Whether the chart's Chart.yaml says <c>type: library</c>.</summary>
    public static bool IsLibrary(string chart) =>
        File.ReadAllLines(Path.Combine(Repo.Root, chart, "Chart.yaml")).Any(l => l.Trim() == "type: library");
}

namespace Charts.Tests;

/// <summary>Finds the repository root and the helm binary the chart tests run.</summary>
internal static class RepoLayout
{
    /// <summary>The folder holding Addons.sln, found by walking up from the test's base directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every chart folder (one holding Chart.yaml) directly under charts/, as paths relative to the root.</summary>
    public static IEnumerable<string> Charts()
    {
        var charts = Path.Combine(Root, "charts");
        return Directory.Exists(charts)
            ? Directory.EnumerateDirectories(charts).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))).Select(d => Path.GetRelativePath(Root, d)).Order(StringComparer.Ordinal)
            : [];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Addons.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Addons.sln not found above {AppContext.BaseDirectory}");
    }
}

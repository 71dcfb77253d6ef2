namespace Charts.Tests;

/// <summary>Finds the repository root and the helm binary the chart tests run.</summary>
internal static class RepoLayout
{
    /// <summary>The folder holding Addons.sln, found by walking up from the test's base directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// helm from <c>$ADDONS_TOOLS/helm/helm</c>, else from the first <c>.tools/helm/helm</c> walking up
    /// from the test's base directory. Throws a message naming the fix when neither exists.
    /// </summary>
    public static string Helm()
    {
        var env = Environment.GetEnvironmentVariable("ADDONS_TOOLS");
        if (!string.IsNullOrEmpty(env))
        {
            var fromEnv = Path.Combine(env, "helm", "helm");
            return File.Exists(fromEnv)
                ? fromEnv
                : throw new InvalidOperationException($"helm not found at {fromEnv} (ADDONS_TOOLS={env}); run .ci/install-deps");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "helm", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("helm not found: set ADDONS_TOOLS to the .tools folder or run .ci/install-deps (installs .tools/helm/helm)");
    }

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

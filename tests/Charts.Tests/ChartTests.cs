namespace Charts.Tests;

/// <summary>
/// Every chart under charts/ (found by enumerating folders that hold a Chart.yaml) lints strictly and
/// renders. One test per check over all charts, so a chart that lands later is covered without edits.
/// </summary>
public sealed class ChartTests
{
    [Fact]
    public void Charts_Repository_HaveTheUmbrellaAndAddonCharts()
    {
        Assert.Contains(Path.Combine("charts", "addons"), RepoLayout.Charts());
        Assert.True(RepoLayout.Charts().Count() >= 2, "expected the umbrella and at least one addon chart");
    }

    [Fact]
    public async Task HelmLintStrict_EveryChart_ReportsNoFailureOrWarning()
    {
        var failures = new List<string>();
        foreach (var chart in RepoLayout.Charts())
        {
            var path = await Helm.PrepareAsync(chart);

            var (code, output) = await Helm.RunAsync(path, "lint", "--strict", ".");

            if (code != 0 || output.Contains("[WARNING]", StringComparison.Ordinal))
            {
                failures.Add($"helm lint --strict {chart} (exit {code}):\n{output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task HelmTemplate_EveryChart_RendersKubernetesObjects()
    {
        var failures = new List<string>();
        foreach (var chart in RepoLayout.Charts())
        {
            var path = await Helm.PrepareAsync(chart);

            var (code, output) = await Helm.RunAsync(path, "template", "release-name", ".", "--namespace", "addons");

            if (code != 0 || !output.Contains("kind:", StringComparison.Ordinal))
            {
                failures.Add($"helm template {chart} (exit {code}) rendered no objects or failed:\n{output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

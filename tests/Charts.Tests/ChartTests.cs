namespace Charts.Tests;

/// <summary>
/// Every chart under charts/ (found by enumerating folders that hold a Chart.yaml) lints strictly and
/// renders (library charts: lint only). One test per check over all charts, so a chart that lands later is covered without edits.
/// </summary>
public sealed class ChartTests
{
    [Fact]
    public void Charts_Repository_HaveTheUmbrellaAndAddonCharts()
    {
        Assert.Contains(Path.Combine("charts", "addons"), ChartFolders.All());
        Assert.True(ChartFolders.All().Count() >= 2, "expected the umbrella and at least one addon chart");
    }

    [Fact]
    public async Task HelmLintStrict_EveryChart_ReportsNoFailureOrWarning()
    {
        var failures = new List<string>();
        foreach (var chart in ChartFolders.All())
        {
            var path = await HelmCli.PrepareAsync(chart);

            var (code, stdout, stderr) = await HelmCli.RunAsync(["lint", "--strict", "."], path);
            var output = stdout + stderr;

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
        foreach (var chart in ChartFolders.All().Where(c => !ChartFolders.IsLibrary(c)))
        {
            var path = await HelmCli.PrepareAsync(chart);

            var (code, stdout, stderr) = await HelmCli.RunAsync(["template", "release-name", ".", "--namespace", "addons"], path);
            var output = stdout + stderr;

            if (code != 0 || !output.Contains("kind:", StringComparison.Ordinal))
            {
                failures.Add($"helm template {chart} (exit {code}) rendered no objects or failed:\n{output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

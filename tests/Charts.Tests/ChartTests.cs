namespace Charts.Tests;

/// <summary>Every chart under charts/ (found by enumerating folders) lints strictly and renders.</summary>
public sealed class ChartTests
{
    /// <summary>The charts that exist, one theory case each.</summary>
    public static TheoryData<string> Charts()
    {
        var data = new TheoryData<string>();
        foreach (var chart in RepoLayout.Charts())
        {
            data.Add(chart);
        }

        return data;
    }

    [Fact]
    public void Charts_Repository_HasAtLeastOneChart()
    {
        Assert.NotEmpty(RepoLayout.Charts());
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task HelmLintStrict_Chart_ReportsNoFailureOrWarning(string chart)
    {
        var path = await Helm.PrepareAsync(chart);

        var (code, output) = await Helm.RunAsync(path, "lint", "--strict", ".");

        Assert.True(code == 0, $"helm lint --strict {chart} failed:\n{output}");
        Assert.DoesNotContain("[WARNING]", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task HelmTemplate_Chart_RendersKubernetesObjects(string chart)
    {
        var path = await Helm.PrepareAsync(chart);

        var (code, output) = await Helm.RunAsync(path, "template", "release-name", ".", "--namespace", "addons");

        Assert.True(code == 0, $"helm template {chart} failed:\n{output}");
        Assert.Contains("kind:", output, StringComparison.Ordinal);
    }
}

using YamlDotNet.RepresentationModel;

namespace Charts.Tests;

/// <summary>The umbrella chart (charts/addons) installs any subset of every addon chart.</summary>
public sealed class UmbrellaChartTests
{
    [Fact]
    public void Dependencies_Umbrella_CoverEveryAddonChartWithAnEnabledCondition()
    {
        var addonCharts = RepoLayout.Charts().Select(Path.GetFileName).Where(n => n != "addons").ToList();
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoLayout.Root, "charts", "addons", "Chart.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var dependencies = ((YamlSequenceNode)root.Children[new YamlScalarNode("dependencies")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(d => Scalar(d, "name"), d => (Repository: Scalar(d, "repository"), Condition: Scalar(d, "condition")));

        Assert.NotEmpty(addonCharts);
        Assert.Equal(addonCharts.Order(StringComparer.Ordinal), dependencies.Keys.Order(StringComparer.Ordinal));
        foreach (var name in addonCharts)
        {
            Assert.Equal(($"file://../{name}", $"{name}.enabled"), dependencies[name!]);
        }
    }

    [Theory]
    [InlineData("karc")]
    [InlineData("cleaner")]
    [InlineData("gss")]
    public async Task HelmTemplate_AddonDisabled_RendersNothingOfThatAddon(string addon)
    {
        var path = await Helm.PrepareAsync(Path.Combine("charts", "addons"));

        var (code, output) = await Helm.RunAsync(path, "template", "release-name", ".", "--namespace", "addons", "--set", $"{addon}.enabled=false");

        Assert.True(code == 0, output);
        Assert.DoesNotContain($"# Source: addons/charts/{addon}/", output, StringComparison.Ordinal);
        Assert.Contains("# Source: addons/charts/", output, StringComparison.Ordinal);
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
}

using YamlDotNet.RepresentationModel;

namespace Charts.Tests;

/// <summary>The umbrella chart (charts/addons) installs any subset of the registered addons' charts.</summary>
public sealed class UmbrellaChartTests
{
    /// <summary>Every released addon with a chart, from addons/addons.json.</summary>
    public static TheoryData<string> ChartedAddons()
    {
        var data = new TheoryData<string>();
        foreach (var addon in AddonManifest.Load().Addons.Where(a => a.Release && a.Chart is not null))
        {
            data.Add(addon.Name);
        }

        return data;
    }

    [Fact]
    public void Dependencies_Umbrella_AreTheRegisteredChartsEachWithAnEnabledCondition()
    {
        var registered = AddonManifest.Load().Addons.Where(a => a.Release && a.Chart is not null).Select(a => a.Name).ToList();
        var root = Load("Chart.yaml");
        var dependencies = ((YamlSequenceNode)root.Children[new YamlScalarNode("dependencies")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(d => Scalar(d, "name"), d => (Repository: Scalar(d, "repository"), Condition: Scalar(d, "condition")));

        Assert.NotEmpty(registered);
        Assert.True(registered.SequenceEqual(dependencies.Keys), $"charts/addons/Chart.yaml dependencies [{string.Join(", ", dependencies.Keys)}] are not the registered charts [{string.Join(", ", registered)}]: run bash .ci/sync-addons");
        foreach (var name in registered)
        {
            Assert.Equal(($"file://../{name}", $"{name}.enabled"), dependencies[name]);
        }
    }

    [Fact]
    public void Values_Umbrella_EnableEveryRegisteredChartByDefault()
    {
        var values = Load("values.yaml");

        foreach (var addon in AddonManifest.Load().Addons.Where(a => a.Release && a.Chart is not null))
        {
            Assert.True(values.Children.TryGetValue(new YamlScalarNode(addon.Name), out var node), $"charts/addons/values.yaml has no {addon.Name}: run bash .ci/sync-addons");
            Assert.Equal("true", Scalar((YamlMappingNode)node, "enabled"));
        }
    }

    [Theory]
    [MemberData(nameof(ChartedAddons))]
    public async Task HelmTemplate_AddonDisabled_RendersNothingOfThatAddon(string addon)
    {
        var path = await HelmCli.PrepareAsync(Path.Combine("charts", "addons"));

        var (code, stdout, stderr) = await HelmCli.RunAsync(["template", "release-name", ".", "--namespace", "addons", "--set", $"{addon}.enabled=false"], path);

        Assert.True(code == 0, stdout + stderr);
        Assert.DoesNotContain($"# Source: addons/charts/{addon}/", stdout, StringComparison.Ordinal);
        Assert.Contains("# Source: addons/charts/", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmTemplate_EveryAddonDisabled_RendersNoAddonObjects()
    {
        var path = await HelmCli.PrepareAsync(Path.Combine("charts", "addons"));
        var off = AddonManifest.Load().Addons.Where(a => a.Release && a.Chart is not null).SelectMany(a => new[] { "--set", $"{a.Name}.enabled=false" });

        var (code, stdout, stderr) = await HelmCli.RunAsync(["template", "release-name", ".", "--namespace", "addons", .. off], path);

        Assert.True(code == 0, stdout + stderr);
        Assert.DoesNotContain("# Source: addons/charts/", stdout, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Root, "charts", "addons", file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
}

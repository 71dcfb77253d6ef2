using YamlDotNet.RepresentationModel;

namespace Charts.Tests;

/// <summary>A parsed GitHub Actions workflow file with small accessors for the tests.</summary>
internal sealed class Workflow
{
    private Workflow(string name, string text, YamlMappingNode root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    /// <summary>File name, e.g. ci.yml.</summary>
    public string Name { get; }

    /// <summary>The raw text.</summary>
    public string Text { get; }

    /// <summary>The top-level mapping.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>The jobs by id.</summary>
    public IEnumerable<(string Id, YamlMappingNode Job)> Jobs =>
        Map(Root, "jobs")?.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, (YamlMappingNode)kv.Value)) ?? [];

    /// <summary>Parses <c>.github/workflows/<paramref name="file"/></c>; throws on invalid YAML.</summary>
    public static Workflow Load(string file)
    {
        var path = Path.Combine(Repo.Root, ".github", "workflows", file);
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.True(stream.Documents.Count == 1, $"{file}: expected one YAML document");
        var root = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        return new Workflow(file, text, root);
    }

    /// <summary>Every workflow file name.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, ".github", "workflows"), "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The mapping under <paramref name="key"/>, or null.</summary>
    public static YamlMappingNode? Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v as YamlMappingNode : null;

    /// <summary>The node under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
}

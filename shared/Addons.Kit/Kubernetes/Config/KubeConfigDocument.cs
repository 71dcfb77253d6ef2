using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>The named clusters, users and contexts of one or more merged kubeconfig files.</summary>
/// <remarks>Merge rule (as client-go): the first file that defines a name, or sets <c>current-context</c>, wins.</remarks>
internal sealed class KubeConfigDocument
{
    public Dictionary<string, YamlFields> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlFields> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlFields> Contexts { get; } = new(StringComparer.Ordinal);

    public string? CurrentContext { get; private set; }

    public List<string> Files { get; } = [];

    /// <summary>Parses one file and merges it under the entries already present.</summary>
    public void Merge(string file, string text)
    {
        Files.Add(file);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw KubeConfigException.At(file, $"line {e.Start.Line}", "invalid YAML: " + e.Message, e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw KubeConfigException.At(file, "(root)", "expected a mapping");
        }

        var top = new YamlFields(file, "", root);
        Add(top, "clusters", "cluster", Clusters);
        Add(top, "users", "user", Users);
        Add(top, "contexts", "context", Contexts);
        if (CurrentContext is null && top.String("current-context") is { Length: > 0 } current)
        {
            CurrentContext = current;
        }
    }

    private static void Add(YamlFields top, string listKey, string itemKey, Dictionary<string, YamlFields> into)
    {
        foreach (var item in top.Mappings(listKey))
        {
            var name = item.Required("name");
            var body = item.Mapping(itemKey) ?? new YamlFields(item.File, item.Field(itemKey), new YamlMappingNode());
            into.TryAdd(name, body);
        }
    }
}

using YamlDotNet.RepresentationModel;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Reads typed fields from a YAML mapping; every error names the file and the field path.</summary>
/// <param name="File">The kubeconfig file.</param>
/// <param name="Path">Path of <paramref name="Node"/>, e.g. <c>users[1].user</c>.</param>
/// <param name="Node">The mapping.</param>
internal sealed record YamlFields(string File, string Path, YamlMappingNode Node)
{
    public string Field(string key) => Path.Length == 0 ? key : Path + "." + key;

    public string? String(string key)
    {
        if (!Node.Children.TryGetValue(new YamlScalarNode(key), out var value) || IsNull(value))
        {
            return null;
        }

        return value is YamlScalarNode scalar
            ? scalar.Value
            : throw KubeConfigException.At(File, Field(key), "expected a string");
    }

    public bool Bool(string key)
    {
        var text = String(key);
        return text switch
        {
            null => false,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw KubeConfigException.At(File, Field(key), $"expected true or false, got '{text}'"),
        };
    }

    public YamlFields? Mapping(string key)
    {
        if (!Node.Children.TryGetValue(new YamlScalarNode(key), out var value) || IsNull(value))
        {
            return null;
        }

        return value is YamlMappingNode map
            ? new YamlFields(File, Field(key), map)
            : throw KubeConfigException.At(File, Field(key), "expected a mapping");
    }

    public IEnumerable<YamlFields> Mappings(string key) => Items(key).Select((node, i) => node is YamlMappingNode map
        ? new YamlFields(File, Field(key) + "[" + i + "]", map)
        : throw KubeConfigException.At(File, Field(key) + "[" + i + "]", "expected a mapping"));

    public IEnumerable<string> Strings(string key) => Items(key).Select((node, i) => node is YamlScalarNode { Value: { } s }
        ? s
        : throw KubeConfigException.At(File, Field(key) + "[" + i + "]", "expected a string"));

    public string Required(string key) =>
        String(key) is { Length: > 0 } value ? value : throw KubeConfigException.At(File, Field(key), "is required");

    public byte[]? Base64(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw KubeConfigException.At(File, Field(key), "is not valid base64", e);
        }
    }

    /// <summary>A path field, resolved against the directory of the kubeconfig file that holds it.</summary>
    public string? FilePath(string key)
    {
        var text = String(key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(File) ?? ".", text));
    }

    private IEnumerable<YamlNode> Items(string key)
    {
        if (!Node.Children.TryGetValue(new YamlScalarNode(key), out var value) || IsNull(value))
        {
            return [];
        }

        return value is YamlSequenceNode seq
            ? seq.Children
            : throw KubeConfigException.At(File, Field(key), "expected a list");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) };
}

namespace Addons.Aws.Eks.Model;

/// <summary>An add-on and its versions (DescribeAddonVersions).</summary>
public sealed class EksAddonInfo
{
    /// <summary>AddonName.</summary>
    public string AddonName { get; set; } = "";

    /// <summary>Type.</summary>
    public string Type { get; set; } = "";

    /// <summary>AddonVersions.</summary>
    public List<EksAddonVersion> AddonVersions { get; set; } = [];

    /// <summary>Publisher.</summary>
    public string Publisher { get; set; } = "";

    /// <summary>Owner.</summary>
    public string Owner { get; set; } = "";
}

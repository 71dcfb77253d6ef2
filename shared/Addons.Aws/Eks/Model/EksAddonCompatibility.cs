namespace Addons.Aws.Eks.Model;

/// <summary>A Kubernetes version an add-on version runs on, and whether it is the default there.</summary>
public sealed class EksAddonCompatibility
{
    /// <summary>ClusterVersion.</summary>
    public string ClusterVersion { get; set; } = "";

    /// <summary>PlatformVersions.</summary>
    public List<string> PlatformVersions { get; set; } = [];

    /// <summary>DefaultVersion.</summary>
    public bool DefaultVersion { get; set; }
}

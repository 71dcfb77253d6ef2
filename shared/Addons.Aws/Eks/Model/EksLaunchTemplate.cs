namespace Addons.Aws.Eks.Model;

/// <summary>A node group's launch template.</summary>
public sealed class EksLaunchTemplate
{
    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Version.</summary>
    public string Version { get; set; } = "";

    /// <summary>Id.</summary>
    public string Id { get; set; } = "";
}

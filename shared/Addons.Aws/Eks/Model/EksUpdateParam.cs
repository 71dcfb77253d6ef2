namespace Addons.Aws.Eks.Model;

/// <summary>One update parameter (Version, PlatformVersion, AddonVersion, ReleaseVersion, …).</summary>
public sealed class EksUpdateParam
{
    /// <summary>Type.</summary>
    public string Type { get; set; } = "";

    /// <summary>Value.</summary>
    public string Value { get; set; } = "";
}

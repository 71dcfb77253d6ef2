namespace Addons.Aws.Eks.Model;

/// <summary>Add-on health.</summary>
public sealed class EksAddonHealth
{
    /// <summary>Issues.</summary>
    public List<EksAddonIssue> Issues { get; set; } = [];
}

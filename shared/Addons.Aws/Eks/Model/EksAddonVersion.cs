namespace Addons.Aws.Eks.Model;

/// <summary>One add-on version and the Kubernetes versions it runs on.</summary>
public sealed class EksAddonVersion
{
    /// <summary>AddonVersion.</summary>
    public string AddonVersion { get; set; } = "";

    /// <summary>Architecture.</summary>
    public List<string> Architecture { get; set; } = [];

    /// <summary>Compatibilities.</summary>
    public List<EksAddonCompatibility> Compatibilities { get; set; } = [];

    /// <summary>RequiresConfiguration.</summary>
    public bool RequiresConfiguration { get; set; }
}

namespace Addons.Aws.Eks.Model;

/// <summary>One add-on health issue.</summary>
public sealed class EksAddonIssue
{
    /// <summary>Code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Message.</summary>
    public string Message { get; set; } = "";

    /// <summary>ResourceIds.</summary>
    public List<string> ResourceIds { get; set; } = [];
}

namespace Addons.Aws.Eks.Model;

/// <summary>Why an update failed.</summary>
public sealed class EksErrorDetail
{
    /// <summary>ErrorCode.</summary>
    public string ErrorCode { get; set; } = "";

    /// <summary>ErrorMessage.</summary>
    public string ErrorMessage { get; set; } = "";

    /// <summary>ResourceIds.</summary>
    public List<string> ResourceIds { get; set; } = [];
}

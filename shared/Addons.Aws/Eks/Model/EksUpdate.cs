namespace Addons.Aws.Eks.Model;

/// <summary>An update (UpdateClusterVersion, UpdateAddon, UpdateNodegroupVersion, DescribeUpdate). Status: InProgress, Successful, Failed, Cancelled.</summary>
public sealed class EksUpdate
{
    /// <summary>Id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>Type.</summary>
    public string Type { get; set; } = "";

    /// <summary>Params.</summary>
    public List<EksUpdateParam> Params { get; set; } = [];

    /// <summary>CreatedAt.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Errors.</summary>
    public List<EksErrorDetail> Errors { get; set; } = [];
}

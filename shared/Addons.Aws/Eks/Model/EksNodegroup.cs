namespace Addons.Aws.Eks.Model;

/// <summary>A managed node group (DescribeNodegroup).</summary>
public sealed class EksNodegroup
{
    /// <summary>NodegroupName.</summary>
    public string NodegroupName { get; set; } = "";

    /// <summary>NodegroupArn.</summary>
    public string NodegroupArn { get; set; } = "";

    /// <summary>ClusterName.</summary>
    public string ClusterName { get; set; } = "";

    /// <summary>Version.</summary>
    public string Version { get; set; } = "";

    /// <summary>ReleaseVersion.</summary>
    public string ReleaseVersion { get; set; } = "";

    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>CapacityType.</summary>
    public string CapacityType { get; set; } = "";

    /// <summary>ScalingConfig.</summary>
    public EksScalingConfig? ScalingConfig { get; set; }

    /// <summary>AmiType.</summary>
    public string AmiType { get; set; } = "";

    /// <summary>LaunchTemplate.</summary>
    public EksLaunchTemplate? LaunchTemplate { get; set; }

    /// <summary>CreatedAt.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>ModifiedAt.</summary>
    public DateTimeOffset? ModifiedAt { get; set; }
}

namespace Addons.Aws.Eks.Model;

/// <summary>A Kubernetes version EKS offers, with its support lifecycle (DescribeClusterVersions).</summary>
public sealed class EksClusterVersion
{
    /// <summary>ClusterVersion.</summary>
    public string ClusterVersion { get; set; } = "";

    /// <summary>ClusterType.</summary>
    public string ClusterType { get; set; } = "";

    /// <summary>DefaultPlatformVersion.</summary>
    public string DefaultPlatformVersion { get; set; } = "";

    /// <summary>DefaultVersion.</summary>
    public bool DefaultVersion { get; set; }

    /// <summary>ReleaseDate.</summary>
    public DateTimeOffset? ReleaseDate { get; set; }

    /// <summary>EndOfStandardSupportDate.</summary>
    public DateTimeOffset? EndOfStandardSupportDate { get; set; }

    /// <summary>EndOfExtendedSupportDate.</summary>
    public DateTimeOffset? EndOfExtendedSupportDate { get; set; }

    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>VersionStatus.</summary>
    public string VersionStatus { get; set; } = "";

    /// <summary>KubernetesPatchVersion.</summary>
    public string KubernetesPatchVersion { get; set; } = "";
}

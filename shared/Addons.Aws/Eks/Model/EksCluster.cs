namespace Addons.Aws.Eks.Model;

/// <summary>An EKS cluster (DescribeCluster).</summary>
public sealed class EksCluster
{
    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Arn.</summary>
    public string Arn { get; set; } = "";

    /// <summary>Version.</summary>
    public string Version { get; set; } = "";

    /// <summary>PlatformVersion.</summary>
    public string PlatformVersion { get; set; } = "";

    /// <summary>Status.</summary>
    public string Status { get; set; } = "";

    /// <summary>Endpoint.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>CertificateAuthority.</summary>
    public EksCertificateAuthority? CertificateAuthority { get; set; }

    /// <summary>DeletionProtection.</summary>
    public bool? DeletionProtection { get; set; }

    /// <summary>CreatedAt.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

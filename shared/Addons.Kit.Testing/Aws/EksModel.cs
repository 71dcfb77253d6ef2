namespace Addons.Kit.Testing.Aws;

/// <summary>An emulated EKS cluster. Mutable: tests seed and inspect it; the emulator changes it as updates complete.</summary>
public sealed class EmulatedCluster
{
    /// <summary>Cluster name.</summary>
    public required string Name { get; init; }

    /// <summary>Kubernetes minor version, e.g. "1.30".</summary>
    public required string Version { get; set; }

    /// <summary>EKS platform version, e.g. "eks.12".</summary>
    public string PlatformVersion { get; set; } = "eks.1";

    /// <summary>ACTIVE, UPDATING, …</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Deletion protection (kuo's preflight requires it on).</summary>
    public bool DeletionProtection { get; set; } = true;

    /// <summary>The cluster's Kubernetes API endpoint (e.g. an emulated Kubernetes API's URL).</summary>
    public string Endpoint { get; set; } = "https://kubernetes.invalid";

    /// <summary>Base64 PEM of the cluster CA, when known.</summary>
    public string? CertificateAuthorityData { get; set; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UnixEpoch.AddYears(54);

    /// <summary>Add-ons by name.</summary>
    public Dictionary<string, EmulatedAddon> Addons { get; } = new(StringComparer.Ordinal);

    /// <summary>Managed node groups by name.</summary>
    public Dictionary<string, EmulatedNodegroup> Nodegroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Upgrade insights.</summary>
    public List<EmulatedInsight> Insights { get; } = [];

    /// <summary>Every update ever started on this cluster, oldest first.</summary>
    public List<EmulatedUpdate> Updates { get; } = [];
}

/// <summary>An installed managed add-on.</summary>
public sealed class EmulatedAddon
{
    /// <summary>e.g. vpc-cni.</summary>
    public required string Name { get; init; }

    /// <summary>e.g. v1.18.1-eksbuild.1.</summary>
    public required string Version { get; set; }

    /// <summary>ACTIVE, UPDATING, UPDATE_FAILED, DEGRADED, …</summary>
    public string Status { get; set; } = "ACTIVE";
}

/// <summary>A managed node group.</summary>
public sealed class EmulatedNodegroup
{
    /// <summary>Node group name.</summary>
    public required string Name { get; init; }

    /// <summary>Kubernetes minor version of its nodes.</summary>
    public required string Version { get; set; }

    /// <summary>AMI release version, e.g. 1.30.4-20240917.</summary>
    public string ReleaseVersion { get; set; } = "";

    /// <summary>ACTIVE, UPDATING, DEGRADED, …</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Desired node count.</summary>
    public int DesiredSize { get; set; } = 2;
}

/// <summary>An EKS upgrade insight with its affected resources.</summary>
public sealed class EmulatedInsight
{
    /// <summary>Insight id.</summary>
    public required string Id { get; init; }

    /// <summary>Title.</summary>
    public required string Name { get; init; }

    /// <summary>UPGRADE_READINESS or MISCONFIGURATION.</summary>
    public string Category { get; init; } = "UPGRADE_READINESS";

    /// <summary>The Kubernetes version the insight is about.</summary>
    public required string KubernetesVersion { get; init; }

    /// <summary>PASSING, WARNING, ERROR, UNKNOWN.</summary>
    public string Status { get; set; } = "PASSING";

    /// <summary>Why the status is what it is.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Longer text.</summary>
    public string Description { get; init; } = "";

    /// <summary>What to do.</summary>
    public string Recommendation { get; init; } = "";

    /// <summary>Affected Kubernetes resource URIs (e.g. /apis/policy/v1beta1/...).</summary>
    public List<string> Resources { get; } = [];
}

/// <summary>An update (cluster version, add-on or node group) and how it will end.</summary>
public sealed class EmulatedUpdate
{
    /// <summary>Update id (a GUID).</summary>
    public required string Id { get; init; }

    /// <summary>VersionUpdate, AddonUpdate, …</summary>
    public required string Type { get; init; }

    /// <summary>Update parameters (Version, PlatformVersion, AddonVersion, ReleaseVersion, …).</summary>
    public required List<KeyValuePair<string, string>> Params { get; init; }

    /// <summary>The add-on this update is about, or null.</summary>
    public string? AddonName { get; init; }

    /// <summary>The node group this update is about, or null.</summary>
    public string? NodegroupName { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it leaves InProgress.</summary>
    public required DateTimeOffset CompletesAt { get; set; }

    /// <summary>InProgress, then <see cref="Outcome"/>.</summary>
    public string Status { get; set; } = "InProgress";

    /// <summary>Successful, Failed or Cancelled: what it becomes at <see cref="CompletesAt"/>.</summary>
    public string Outcome { get; set; } = "Successful";

    /// <summary>Error code reported when it fails.</summary>
    public string? ErrorCode { get; set; }
}

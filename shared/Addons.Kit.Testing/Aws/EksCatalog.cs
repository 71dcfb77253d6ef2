namespace Addons.Kit.Testing.Aws;

/// <summary>A Kubernetes version as DescribeClusterVersions reports it (support lifecycle dates included).</summary>
public sealed record ClusterVersionInfo(
    string Version,
    string Status,
    DateTimeOffset ReleaseDate,
    DateTimeOffset EndOfStandardSupportDate,
    DateTimeOffset EndOfExtendedSupportDate,
    string DefaultPlatformVersion,
    string KubernetesPatchVersion,
    bool DefaultVersion = false);

/// <summary>One version of an add-on and the Kubernetes versions it supports (default flag per version).</summary>
public sealed record AddonVersionInfo(string AddonVersion, IReadOnlyList<string> ClusterVersions, IReadOnlyList<string> DefaultFor);

/// <summary>The catalogs DescribeClusterVersions and DescribeAddonVersions answer from.</summary>
public sealed class EksCatalog
{
    /// <summary>Kubernetes versions, oldest first.</summary>
    public List<ClusterVersionInfo> ClusterVersions { get; } = [];

    /// <summary>Add-on name → its versions, newest first.</summary>
    public Dictionary<string, List<AddonVersionInfo>> Addons { get; } = new(StringComparer.Ordinal);
}

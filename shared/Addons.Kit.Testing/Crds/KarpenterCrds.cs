using Addons.Kit.Testing.Repository;

namespace Addons.Kit.Testing.Crds;

/// <summary>
/// The one copy of each Karpenter CRD (trimmed to what karc reads), in this folder of the repository:
/// used by the karc tests, the sandbox and the footprint harness.
/// </summary>
public static class KarpenterCrds
{
    /// <summary>The folder holding the CRD files, relative to the repository root.</summary>
    public const string Folder = "shared/Addons.Kit.Testing/Crds";

    /// <summary>NodePool, served at v1 (storage) and v1beta1.</summary>
    public static string NodePools => Read("karpenter.sh_nodepools.yaml");

    /// <summary>NodeClaim, served at v1 (storage) and v1beta1.</summary>
    public static string NodeClaims => Read("karpenter.sh_nodeclaims.yaml");

    /// <summary>NodePool as an older Karpenter serves it: v1beta1 only.</summary>
    public static string NodePoolsV1Beta1 => Read("karpenter.sh_nodepools-v1beta1.yaml");

    /// <summary>NodeClaim as an older Karpenter serves it: v1beta1 only.</summary>
    public static string NodeClaimsV1Beta1 => Read("karpenter.sh_nodeclaims-v1beta1.yaml");

    /// <summary>EC2NodeClass (karpenter.k8s.aws/v1).</summary>
    public static string Ec2NodeClasses => Read("karpenter.k8s.aws_ec2nodeclasses.yaml");

    /// <summary>The CRDs a current Karpenter on AWS serves (NodePool, NodeClaim, EC2NodeClass), as file paths.</summary>
    public static IReadOnlyList<string> CurrentFiles(string? root = null) =>
        new[] { "karpenter.k8s.aws_ec2nodeclasses.yaml", "karpenter.sh_nodeclaims.yaml", "karpenter.sh_nodepools.yaml" }
            .Select(f => Path.Combine(root ?? Repo.Root, Folder, f)).ToList();

    private static string Read(string file) => File.ReadAllText(Path.Combine(Repo.Root, Folder, file));
}

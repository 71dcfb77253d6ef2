using Addons.Kit.Kubernetes.Client;

namespace Addons.Karc.NodePools;

/// <summary>The Karpenter resource types karc talks to, per served version (newest first).</summary>
internal static class KarpenterResources
{
    public const string Group = "karpenter.sh";

    /// <summary>The versions tried, in order: v1, then v1beta1 only when v1 is not served (404).</summary>
    public static readonly IReadOnlyList<string> Versions = ["v1", "v1beta1"];

    public static ResourceType NodePool(string version) => new(Group, version, "nodepools", "NodePool", Namespaced: false);

    public static ResourceType NodeClaim(string version) => new(Group, version, "nodeclaims", "NodeClaim", Namespaced: false);
}

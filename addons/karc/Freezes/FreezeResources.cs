using Addons.Kit.Kubernetes.Client;

namespace Addons.Karc.Freezes;

/// <summary>The ConsolidationFreeze resource type.</summary>
internal static class FreezeResources
{
    public static readonly ResourceType Freeze = new(ConsolidationFreeze.Group, ConsolidationFreeze.Version, "consolidationfreezes", "ConsolidationFreeze", Namespaced: false);
}

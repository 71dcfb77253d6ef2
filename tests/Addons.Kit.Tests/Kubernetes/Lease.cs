using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>Small V1Lease factory for tests.</summary>
internal static class Lease
{
    public static V1Lease Of(string ns, string name, string rv = "1", string? uid = null, string? holder = null) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, ResourceVersion = rv, Uid = uid ?? "uid-" + name },
        Spec = new V1LeaseSpec { HolderIdentity = holder },
    };
}

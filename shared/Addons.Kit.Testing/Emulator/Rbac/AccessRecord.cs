namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// One kind of access an identity made: verb on group/resource (with "/subresource"), in a namespace
/// (null for cluster-scoped or all-namespaces requests), and whether RBAC allowed it.
/// </summary>
public sealed record AccessRecord(string Verb, string Group, string Resource, string? Namespace, bool Allowed)
{
    /// <summary>"get leases.coordination.k8s.io in kube-system" style text for assertion messages.</summary>
    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? Resource : Resource + "." + Group)}{(Namespace is null ? "" : " in " + Namespace)}{(Allowed ? "" : " (denied)")}";
}

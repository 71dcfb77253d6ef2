using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Rbac;

/// <summary>
/// The RBAC authorizer's decision procedure over the stored Roles, ClusterRoles and bindings:
/// ClusterRoleBindings grant cluster-wide, RoleBindings grant in their namespace (to a Role there or a
/// ClusterRole), rules match apiGroups/resources (incl. "*" and "*/subresource")/verbs/resourceNames
/// as in k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac. Aggregated ClusterRoles are not expanded.
/// </summary>
internal static class RbacEvaluator
{
    private const string Group = "rbac.authorization.k8s.io/";

    public static bool Allows(ObjectStore store, Identity identity, string verb, string apiGroup, string resource, string? subresource, string? ns, string? name)
    {
        if (identity.IsAdmin)
        {
            return true;
        }

        var combined = subresource is null ? resource : resource + "/" + subresource;
        return store.Read(s =>
        {
            foreach (var binding in s.ObjectsLocked(Group + "clusterrolebindings"))
            {
                if (Binds(binding.Object, identity, "")
                    && Rules(s, binding.Object, "").Any(r => Matches(r, verb, apiGroup, combined, subresource, name)))
                {
                    return true;
                }
            }

            if (string.IsNullOrEmpty(ns))
            {
                return false;
            }

            foreach (var binding in s.ObjectsLocked(Group + "rolebindings").Where(b => b.Namespace == ns))
            {
                if (Binds(binding.Object, identity, ns)
                    && Rules(s, binding.Object, ns).Any(r => Matches(r, verb, apiGroup, combined, subresource, name)))
                {
                    return true;
                }
            }

            return false;
        });
    }

    private static bool Binds(JsonObject binding, Identity identity, string bindingNamespace) =>
        (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>().Any(subject =>
        {
            var name = subject["name"]?.ToString();
            return subject["kind"]?.ToString() switch
            {
                "ServiceAccount" => identity.User == $"system:serviceaccount:{subject["namespace"]?.ToString() ?? bindingNamespace}:{name}",
                "User" => identity.User == name,
                "Group" => name is not null && identity.Groups.Contains(name),
                _ => false,
            };
        });

    private static IEnumerable<JsonObject> Rules(ObjectStore store, JsonObject binding, string ns)
    {
        var roleRef = binding["roleRef"];
        var roleName = roleRef?["name"]?.ToString() ?? "";
        var role = roleRef?["kind"]?.ToString() == "Role"
            ? store.ObjectsLocked(Group + "roles").FirstOrDefault(r => r.Namespace == ns && r.Name == roleName)
            : store.ObjectsLocked(Group + "clusterroles").FirstOrDefault(r => r.Name == roleName);
        return (role?.Object["rules"] as JsonArray ?? []).OfType<JsonObject>();
    }

    private static bool Matches(JsonObject rule, string verb, string apiGroup, string combined, string? subresource, string? name)
    {
        if (!Contains(rule["verbs"], verb) || !Contains(rule["apiGroups"], apiGroup))
        {
            return false;
        }

        var resourceMatch = Strings(rule["resources"]).Any(r => r == "*" || r == combined || (subresource is not null && r == "*/" + subresource));
        if (!resourceMatch)
        {
            return false;
        }

        var names = Strings(rule["resourceNames"]).ToList();
        return names.Count == 0 || (name is not null && names.Contains(name));
    }

    private static bool Contains(JsonNode? list, string value) => Strings(list).Any(v => v == "*" || v == value);

    private static IEnumerable<string> Strings(JsonNode? list) => (list as JsonArray ?? []).Select(v => v?.ToString() ?? "");
}

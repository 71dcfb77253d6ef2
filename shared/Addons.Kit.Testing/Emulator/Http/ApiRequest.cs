using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Http;

/// <summary>A resource request as the API server's RequestInfo resolver sees it: verb, kind, namespace, name, subresource.</summary>
internal sealed record ApiRequest(string Verb, ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>"pods" or "pods/status", the form RBAC rules and fault rules name.</summary>
    public string Resource => Subresource is null ? Kind.Plural : Kind.Plural + "/" + Subresource;

    /// <summary>
    /// Resolves <c>/api/v1/...</c> and <c>/apis/g/v/...</c> resource paths; null when the path is not a
    /// resource path; throws NotFound when it names a resource that isn't served.
    /// </summary>
    public static ApiRequest? Parse(string method, string path, bool watch, KindRegistry registry)
    {
        var segments = path.Trim('/').Split('/');
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var parts = segments[rest..];
        string? ns = null;
        var isNamespaceSubresource = group.Length == 0 && parts.Length == 3 && parts[0] == "namespaces" && parts[2] is "status" or "finalize";
        if (parts.Length >= 3 && parts[0] == "namespaces" && !isNamespaceSubresource)
        {
            ns = parts[1];
            parts = parts[2..];
        }

        if (parts.Length is 0 or > 3)
        {
            return null;
        }

        var kind = registry.Find(group, version, parts[0]);
        if (kind is null || (ns is not null && !kind.Namespaced))
        {
            return null;
        }

        var name = parts.Length > 1 ? parts[1] : null;
        var subresource = parts.Length > 2 ? parts[2] : null;
        var verb = method switch
        {
            "GET" or "HEAD" when name is not null => "get",
            "GET" or "HEAD" => watch ? "watch" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is not null => "delete",
            "DELETE" => "deletecollection",
            _ => "unknown",
        };
        return new ApiRequest(verb, kind, ns, name, subresource);
    }
}

using System.Collections.Concurrent;
using Addons.Kit.Testing.Emulator.Http;
using Addons.Kit.Testing.Emulator.Rbac;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// RBAC mode and access recording. Requests with a token from <see cref="IssueToken"/> act as that
/// ServiceAccount; requests without a token act as the cluster admin. With <see cref="Enabled"/> the
/// stored Roles/ClusterRoles/bindings (load a chart's rendered RBAC with <see cref="KubeApiEmulator.ApplyYamlAsync"/>)
/// decide, and denials are 403 naming the verb and resource. Every resource request is recorded per
/// identity, so a test can prove a chart's RBAC is sufficient (nothing denied) and minimal (nothing unused).
/// </summary>
public sealed partial class EmulatorRbac
{
    private readonly ObjectStore _store;
    private readonly ConcurrentDictionary<string, Identity> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<AccessRecord, byte>> _used = new(StringComparer.Ordinal);

    private readonly string? _adminToken;

    internal EmulatorRbac(ObjectStore store, string? adminToken = null)
    {
        _store = store;
        _adminToken = adminToken;
    }

    /// <summary>When true, ServiceAccount requests are authorized by the stored RBAC objects.</summary>
    /// <value>The default value is false: everything is allowed (and still recorded).</value>
    public bool Enabled { get; set; }

    /// <summary>Issues a bearer token that authenticates as <c>system:serviceaccount:&lt;ns&gt;:&lt;name&gt;</c>.</summary>
    public string IssueToken(string serviceAccountNamespace, string serviceAccountName)
    {
        var token = "emulator-sa-" + Guid.NewGuid().ToString("N");
        _tokens[token] = Identity.ServiceAccount(serviceAccountNamespace, serviceAccountName);
        return token;
    }

    /// <summary>The user name a ServiceAccount authenticates as.</summary>
    public static string ServiceAccountUser(string serviceAccountNamespace, string serviceAccountName) =>
        $"system:serviceaccount:{serviceAccountNamespace}:{serviceAccountName}";

    /// <summary>Every distinct access a user made (allowed or denied), sorted for stable assertion messages.</summary>
    public IReadOnlyList<AccessRecord> UsedBy(string user) =>
        _used.TryGetValue(user, out var records) ? records.Keys.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList() : [];

    /// <summary>Every distinct access a ServiceAccount made.</summary>
    public IReadOnlyList<AccessRecord> UsedBy(string serviceAccountNamespace, string serviceAccountName) =>
        UsedBy(ServiceAccountUser(serviceAccountNamespace, serviceAccountName));

    /// <summary>Forgets recorded accesses.</summary>
    public void ClearUsage() => _used.Clear();

    /// <summary>Would the stored RBAC allow this ServiceAccount the access? (Independent of <see cref="Enabled"/>.)</summary>
    public bool IsAllowed(string serviceAccountNamespace, string serviceAccountName, string verb, string group, string resource, string? ns = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return RbacEvaluator.Allows(_store, Identity.ServiceAccount(serviceAccountNamespace, serviceAccountName), verb, group,
            slash < 0 ? resource : resource[..slash], slash < 0 ? null : resource[(slash + 1)..], ns, name);
    }

    internal Identity Authenticate(string? authorization)
    {
        const string Bearer = "Bearer ";
        var token = authorization is not null && authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
        if (string.IsNullOrEmpty(token))
        {
            return _adminToken is null ? Identity.Admin : throw Unauthorized();
        }

        if (_tokens.TryGetValue(token, out var identity))
        {
            return identity;
        }

        if (_adminToken is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(_adminToken)))
        {
            return Identity.Admin;
        }

        // Any other token (e.g. a kubeconfig's static admin token) is the admin, unless RBAC is on or an admin token is required.
        return Enabled || _adminToken is not null ? throw Unauthorized() : Identity.Admin;
    }

    private static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    internal bool Allows(Identity identity, string verb, string group, string resource, string? subresource, string? ns, string? name) =>
        !Enabled || IsSelfReview(group, resource) || RbacEvaluator.Allows(_store, identity, verb, group, resource, subresource, ns, name);

    /// <summary>Every authenticated identity may ask about itself (the system:basic-user ClusterRole of a real cluster).</summary>
    private static bool IsSelfReview(string group, string resource) =>
        group is "authorization.k8s.io" or "authentication.k8s.io" && resource is "selfsubjectaccessreviews" or "selfsubjectrulesreviews" or "selfsubjectreviews";

    /// <summary>Records and authorizes one request; throws 403 when denied.</summary>
    internal void Authorize(Identity identity, ApiRequest request)
    {
        var allowed = Allows(identity, request.Verb, request.Kind.Group, request.Kind.Plural, request.Subresource, request.Namespace, request.Name);
        var records = _used.GetOrAdd(identity.User, _ => new ConcurrentDictionary<AccessRecord, byte>());
        records.TryAdd(new AccessRecord(request.Verb, request.Kind.Group, request.Resource, request.Namespace, allowed), 0);
        if (!allowed)
        {
            var scope = request.Namespace is null ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
            throw new ApiError(403, "Forbidden", $"{request.Kind} {(request.Name is null ? "" : $"\"{request.Name}\" ")}is forbidden: User \"{identity.User}\" cannot {request.Verb} resource \"{request.Resource}\" in API group \"{request.Kind.Group}\" {scope}", request.Kind, request.Name);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>
/// Typed CRUD, patch, status and watch for one resource type. Get one from <see cref="KubeApi.For{T}"/>.
/// </summary>
/// <typeparam name="T">A KubernetesClient.Aot model (e.g. <c>V1Lease</c>) or an addon's own record.</typeparam>
/// <remarks>
/// <para><c>ns</c> parameters are ignored for cluster-scoped kinds; for namespaced kinds a null namespace
/// means "all namespaces" for list/watch and is an error for single-object calls.</para>
/// <para>Errors: <see cref="KubeApiException"/> (server said no), <see cref="KubeResponseException"/> (an answer that is
/// not the JSON expected, truncated or too large), <see cref="Config.KubeCredentialException"/> (exec plugin failed),
/// <see cref="TimeoutException"/> (request timeout), <see cref="HttpRequestException"/> (transport),
/// <see cref="OperationCanceledException"/>.</para>
/// <para>Objects read back get <c>apiVersion</c>/<c>kind</c> filled in when the server left them out (list items).</para>
/// </remarks>
public sealed partial class ResourceClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubeApi api;
    private readonly JsonTypeInfo<T> json;

    internal ResourceClient(KubeApi api, ResourceType type, JsonTypeInfo<T> json)
    {
        this.api = api;
        this.json = json;
        Type = type;
    }

    /// <summary>The resource type this client talks to.</summary>
    public ResourceType Type { get; }

    /// <summary>The object, or null when it does not exist (404).</summary>
    public async Task<T?> GetAsync(string? ns, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            var request = new KubeRequest(HttpMethod.Get, Type.ObjectPath(ns, name), "get", Type.Plural, name);
            return Read(await api.SendAsync(request, cancellationToken), request);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the object; namespace and name come from its metadata (<paramref name="obj"/> is not modified
    /// except that missing <c>apiVersion</c>/<c>kind</c> are filled in).</summary>
    /// <returns>The object as stored (with uid, resourceVersion, …).</returns>
    public async Task<T> CreateAsync(T obj, CancellationToken cancellationToken)
    {
        var (ns, name) = Identify(obj, requireName: false);
        var request = new KubeRequest(HttpMethod.Post, Type.CollectionPath(ns), "create", Type.Plural, name, Write(obj));
        return Read(await api.SendAsync(request, cancellationToken), request);
    }

    /// <summary>Replaces the object (PUT). A set <c>metadata.resourceVersion</c> makes it conditional (409 when stale).</summary>
    public async Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken)
    {
        var (ns, name) = Identify(obj, requireName: true);
        var request = new KubeRequest(HttpMethod.Put, Type.ObjectPath(ns, name!), "update", Type.Plural, name, Write(obj));
        return Read(await api.SendAsync(request, cancellationToken), request);
    }

    /// <summary>Replaces the status subresource (PUT <c>/status</c>).</summary>
    public async Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken)
    {
        var (ns, name) = Identify(obj, requireName: true);
        var request = new KubeRequest(HttpMethod.Put, Type.ObjectPath(ns, name!, "status"), "update", Type.Plural + "/status", name, Write(obj));
        return Read(await api.SendAsync(request, cancellationToken), request);
    }

    /// <summary>Patches the object with a merge, JSON, strategic or apply patch.</summary>
    public Task<T> PatchAsync(string? ns, string name, KubePatch patch, CancellationToken cancellationToken) =>
        PatchCoreAsync(ns, name, patch, null, cancellationToken);

    /// <summary>Patches the status subresource.</summary>
    public Task<T> PatchStatusAsync(string? ns, string name, KubePatch patch, CancellationToken cancellationToken) =>
        PatchCoreAsync(ns, name, patch, "status", cancellationToken);

    /// <summary>Deletes the object. Returns false when it did not exist (404); true when deleted or, with
    /// finalizers, marked for deletion.</summary>
    public async Task<bool> DeleteAsync(string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ReadOnlyMemory<byte>? body = options is null ? null : DeleteBody.Write(options);
        try
        {
            await api.SendAsync(new KubeRequest(HttpMethod.Delete, Type.ObjectPath(ns, name), "delete", Type.Plural, name, body), cancellationToken);
            return true;
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Deletes the object with the server's default options (see <see cref="DeleteAsync(string?, string, DeleteOptions?, CancellationToken)"/>).</summary>
    public Task<bool> DeleteAsync(string? ns, string name, CancellationToken cancellationToken) =>
        DeleteAsync(ns, name, null, cancellationToken);

    private async Task<T> PatchCoreAsync(string? ns, string name, KubePatch patch, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(patch);
        var path = Type.ObjectPath(ns, name, subresource);
        var query = new QueryBuilder();
        query.Add("fieldManager", patch.FieldManager);
        if (patch.Force)
        {
            query.Add("force", "true");
        }

        var resource = subresource is null ? Type.Plural : Type.Plural + "/" + subresource;
        var request = new KubeRequest(HttpMethod.Patch, path + query.ToString(), "patch", resource, name, patch.Body, patch.ContentType);
        return Read(await api.SendAsync(request, cancellationToken), request);
    }

    private (string? Ns, string? Name) Identify(T obj, bool requireName)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var meta = obj.Metadata ?? throw new ArgumentException("metadata is required", nameof(obj));
        if (requireName && string.IsNullOrEmpty(meta.Name))
        {
            throw new ArgumentException("metadata.name is required", nameof(obj));
        }

        if (Type.Namespaced && string.IsNullOrEmpty(meta.NamespaceProperty))
        {
            throw new ArgumentException($"metadata.namespace is required for {Type.Plural}", nameof(obj));
        }

        return (Type.Namespaced ? meta.NamespaceProperty : null, meta.Name);
    }

    private byte[] Write(T obj)
    {
        obj.ApiVersion ??= Type.ApiVersion;
        obj.Kind ??= Type.Kind;
        return JsonSerializer.SerializeToUtf8Bytes(obj, json);
    }

    private T Read(byte[] body, KubeRequest request)
    {
        T obj;
        try
        {
            obj = JsonSerializer.Deserialize(body, json) ?? throw new JsonException($"null {Type.Kind} in response");
        }
        catch (JsonException e)
        {
            throw KubeResponseException.Undecodable(request.Verb, request.Resource, request.Name, body, e);
        }

        obj.ApiVersion ??= Type.ApiVersion;
        obj.Kind ??= Type.Kind;
        return obj;
    }
}

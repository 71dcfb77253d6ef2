using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Discovery;

namespace Addons.Karc.NodePools;

/// <summary>
/// Reads NodePools and NodeClaims and rewrites NodePool budgets, on whichever Karpenter API version
/// the cluster serves.
/// </summary>
/// <remarks>
/// Guarantees: the version comes from API discovery (v1, else v1beta1 when only it is served; a discovery
/// failure surfaces as an error, never as "not installed"); budget writes are merge patches that carry <c>metadata.resourceVersion</c>, so a
/// concurrent edit fails with 409 instead of being overwritten.
/// </remarks>
internal sealed class NodePoolApi(KubeApi api, string? version = null)
{
    private readonly ApiDiscovery _discovery = new(api);
    private string? _version = version;

    /// <summary>The NodePool API version in use; known after the first call.</summary>
    public string Version => _version ?? KarpenterResources.Versions[0];

    /// <summary>
    /// The served NodePool version (v1, else v1beta1), from API discovery; cached.
    /// Throws <see cref="KarpenterNotServedException"/> when neither is served.
    /// </summary>
    public async Task<string> ResolveVersionAsync(CancellationToken cancellationToken)
    {
        if (_version is null)
        {
            var served = await _discovery.FirstServedAsync(KarpenterResources.Group, "nodepools", KarpenterResources.Versions, cancellationToken)
                ?? throw new KarpenterNotServedException("nodepools");
            _version = served.Version;
        }

        return _version;
    }

    /// <summary>Lists every NodePool, resolving the served version on first use.</summary>
    public async Task<IReadOnlyList<NodePool>> ListAsync(CancellationToken cancellationToken) =>
        (await Client(await ResolveVersionAsync(cancellationToken)).ListAsync(null, null, cancellationToken)).Items;

    /// <summary>One NodePool by name, or null when it does not exist.</summary>
    public async Task<NodePool?> GetAsync(string name, CancellationToken cancellationToken) =>
        await Client(await ResolveVersionAsync(cancellationToken)).GetAsync(null, name, cancellationToken);

    /// <summary>Lists NodeClaims (v1, else v1beta1); empty when neither is served.</summary>
    public async Task<IReadOnlyList<NodeClaim>> ListNodeClaimsAsync(CancellationToken cancellationToken)
    {
        var served = await _discovery.FirstServedAsync(KarpenterResources.Group, "nodeclaims", KarpenterResources.Versions, cancellationToken);
        if (served is null)
        {
            return [];
        }

        var client = api.For(KarpenterResources.NodeClaim(served.Version), KarcJsonContext.Default.NodeClaim);
        return (await client.ListAsync(null, null, cancellationToken)).Items;
    }

    /// <summary>
    /// Replaces <c>spec.disruption.budgets</c> (and optionally sets or removes annotations) if the
    /// NodePool is still at <paramref name="resourceVersion"/>; 409 otherwise.
    /// </summary>
    /// <param name="annotations">Annotation values to set; a null value removes the annotation.</param>
    public Task<NodePool> PatchBudgetsAsync(
        string name,
        string? resourceVersion,
        IReadOnlyList<Budget> budgets,
        IReadOnlyDictionary<string, string?>? annotations,
        CancellationToken cancellationToken)
    {
        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        if (annotations is { Count: > 0 })
        {
            var values = new JsonObject();
            foreach (var (key, value) in annotations)
            {
                values[key] = value;
            }

            metadata["annotations"] = values;
        }

        var patch = new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["disruption"] = new JsonObject
                {
                    ["budgets"] = JsonSerializer.SerializeToNode(budgets.ToList(), KarcJsonContext.Default.ListBudget),
                },
            },
        };

        return Client(Version).PatchAsync(null, name, KubePatch.Merge(patch.ToJsonString()), cancellationToken);
    }

    private ResourceClient<NodePool> Client(string version) =>
        api.For(KarpenterResources.NodePool(version), KarcJsonContext.Default.NodePool);
}

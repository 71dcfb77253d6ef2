using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Kubernetes.Client;

namespace Addons.Karc.NodePools;

/// <summary>
/// Reads NodePools and NodeClaims and rewrites NodePool budgets, on whichever Karpenter API version
/// the cluster serves.
/// </summary>
/// <remarks>
/// Guarantees: falls back from v1 to v1beta1 only on 404 (a 403 surfaces as a permission error, never
/// as "not installed"); budget writes are merge patches that carry <c>metadata.resourceVersion</c>, so a
/// concurrent edit fails with 409 instead of being overwritten.
/// </remarks>
internal sealed class NodePoolApi(KubeApi api, string? version = null)
{
    private string? _version = version;

    /// <summary>The NodePool API version in use; known after the first list.</summary>
    public string Version => _version ?? KarpenterResources.Versions[0];

    /// <summary>Lists every NodePool, resolving the served version on first use.</summary>
    public async Task<IReadOnlyList<NodePool>> ListAsync(CancellationToken cancellationToken)
    {
        if (_version is not null)
        {
            return (await Client(_version).ListAsync(null, null, cancellationToken)).Items;
        }

        foreach (var version in KarpenterResources.Versions)
        {
            try
            {
                var list = await Client(version).ListAsync(null, null, cancellationToken);
                _version = version;
                return list.Items;
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                // This version is not served; try the next (older) one.
                continue;
            }
        }

        throw new KarpenterNotServedException("nodepools");
    }

    /// <summary>One NodePool by name, or null when it does not exist.</summary>
    public async Task<NodePool?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_version is null)
        {
            // Resolve the version with a list: a 404 on a single get cannot tell "no such pool" from "not served".
            var all = await ListAsync(cancellationToken);
            return all.FirstOrDefault(p => p.Name == name);
        }

        return await Client(_version).GetAsync(null, name, cancellationToken);
    }

    /// <summary>Lists NodeClaims (v1, else v1beta1); empty when neither is served.</summary>
    public async Task<IReadOnlyList<NodeClaim>> ListNodeClaimsAsync(CancellationToken cancellationToken)
    {
        foreach (var version in KarpenterResources.Versions)
        {
            try
            {
                var client = api.For(KarpenterResources.NodeClaim(version), KarcJsonContext.Default.NodeClaim);
                return (await client.ListAsync(null, null, cancellationToken)).Items;
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                continue;
            }
        }

        return [];
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

using System.Text.Json;
using System.Text.Json.Nodes;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Discovery;

namespace Addons.Karc.NodePools;

/// <summary>
/// Reads NodePools and NodeClaims and rewrites NodePool budgets, on whichever Karpenter API version
/// the cluster serves (found once by the kit's <see cref="ApiDiscovery"/>).
/// </summary>
/// <remarks>
/// Guarantees: falls back from v1 to v1beta1 only when discovery says v1 does not serve the resource (a 403 or an
/// unreachable server surfaces as that error, never as "not installed"); budget writes are merge patches that carry
/// <c>metadata.resourceVersion</c>, so a concurrent edit fails with 409 instead of being overwritten.
/// </remarks>
internal sealed class NodePoolApi(KubeApi api, ApiDiscovery discovery)
{
    private ResourceType? _type;

    /// <summary>The NodePool API version in use; known after the first call.</summary>
    public string Version => _type?.Version ?? KarpenterResources.Versions[0];

    /// <summary>The served NodePool resource (v1, else v1beta1), resolved once.</summary>
    /// <exception cref="KarpenterNotServedException">Neither version is served (asked again on the next call).</exception>
    public async Task<ResourceType> ResourceTypeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _type) is { } known)
        {
            return known;
        }

        if (await ServedVersionAsync("nodepools", cancellationToken) is not { } version)
        {
            // Karpenter may be installed later: forget the negative answer so the next call asks again.
            discovery.Invalidate();
            throw new KarpenterNotServedException("nodepools");
        }

        var type = KarpenterResources.NodePool(version);
        Volatile.Write(ref _type, type);
        return type;
    }

    /// <summary>Lists every NodePool.</summary>
    public async Task<IReadOnlyList<NodePool>> ListAsync(CancellationToken cancellationToken) =>
        (await (await ClientAsync(cancellationToken)).ListAsync(null, null, cancellationToken)).Items;

    /// <summary>One NodePool by name, or null when it does not exist.</summary>
    public async Task<NodePool?> GetAsync(string name, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).GetAsync(null, name, cancellationToken);

    /// <summary>Lists NodeClaims (v1, else v1beta1); empty when neither is served.</summary>
    public async Task<IReadOnlyList<NodeClaim>> ListNodeClaimsAsync(CancellationToken cancellationToken)
    {
        if (await ServedVersionAsync("nodeclaims", cancellationToken) is not { } version)
        {
            return [];
        }

        var client = api.For(KarpenterResources.NodeClaim(version), KarcJsonContext.Default.NodeClaim);
        return (await client.ListAsync(null, null, cancellationToken)).Items;
    }

    /// <summary>
    /// Replaces <c>spec.disruption.budgets</c> (and optionally sets or removes annotations) if the
    /// NodePool is still at <paramref name="resourceVersion"/>; 409 otherwise.
    /// </summary>
    /// <param name="annotations">Annotation values to set; a null value removes the annotation.</param>
    public async Task<NodePool> PatchBudgetsAsync(
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

        return await (await ClientAsync(cancellationToken)).PatchAsync(null, name, KubePatch.Merge(patch.ToJsonString()), cancellationToken);
    }

    private async Task<ResourceClient<NodePool>> ClientAsync(CancellationToken cancellationToken) =>
        api.For(await ResourceTypeAsync(cancellationToken), KarcJsonContext.Default.NodePool);

    private async Task<string?> ServedVersionAsync(string plural, CancellationToken cancellationToken) =>
        (await discovery.FirstServedAsync(KarpenterResources.Group, plural, KarpenterResources.Versions, cancellationToken))?.Version;
}

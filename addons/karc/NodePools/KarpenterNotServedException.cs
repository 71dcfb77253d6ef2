namespace Addons.Karc.NodePools;

/// <summary>No served version of a Karpenter resource: the CRD is not installed. Not retried.</summary>
internal sealed class KarpenterNotServedException(string resource)
    : Exception($"{resource}.{KarpenterResources.Group} is not served (tried {string.Join(", ", KarpenterResources.Versions)}): is Karpenter installed?")
{
    public string Resource { get; } = resource;
}

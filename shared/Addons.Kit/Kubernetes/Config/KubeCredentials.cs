using System.Net.Http.Headers;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Produces the Authorization header of each request; implementations cache and refresh.</summary>
internal abstract class KubeCredentials
{
    /// <summary>No Authorization header (client certificates or an unauthenticated server).</summary>
    public static KubeCredentials None { get; } = new StaticCredentials(null);

    public abstract ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken);

    /// <summary>The server rejected the credentials (401): reload before the next request.</summary>
    public virtual void Invalidate()
    {
    }
}

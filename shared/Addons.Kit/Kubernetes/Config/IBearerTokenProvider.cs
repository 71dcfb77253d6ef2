namespace Addons.Kit.Kubernetes.Config;

/// <summary>
/// Supplies bearer tokens that expire (EKS <c>k8s-aws-v1.</c> tokens live 15 minutes, OIDC tokens about
/// an hour). Used with <see cref="ClusterEndpoint.TokenProvider"/>; the kit caches each token and asks
/// again shortly before it expires or after the server answers 401.
/// </summary>
public interface IBearerTokenProvider
{
    /// <summary>Creates a fresh token. Called at most once at a time per connection.</summary>
    /// <param name="cancellationToken">The request's cancellation.</param>
    ValueTask<BearerToken> GetTokenAsync(CancellationToken cancellationToken);
}

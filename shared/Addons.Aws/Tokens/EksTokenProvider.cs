using Addons.Aws.Credentials;

namespace Addons.Aws.Tokens;

/// <summary>
/// A bearer-token source for one EKS cluster's Kubernetes API: hands out the current token and mints a new
/// one (with fresh credentials) <see cref="RefreshBefore"/> before it expires. Plug it into the per-cluster
/// Kubernetes connection as its token provider; the connection supplies the cluster's CA and endpoint.
/// </summary>
public sealed class EksTokenProvider(IAwsCredentialsProvider credentials, Uri stsEndpoint, string region, string clusterName, TimeProvider time) : IDisposable
{
    /// <summary>A token is replaced this long before its expiry: 1 minute.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EksToken? _current;

    /// <summary>The cluster the tokens are for.</summary>
    public string ClusterName => clusterName;

    /// <summary>The bearer token to send (without "Bearer ").</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken ct) => (await GetAsync(ct).ConfigureAwait(false)).Value;

    /// <summary>The current token with its expiry.</summary>
    public async ValueTask<EksToken> GetAsync(CancellationToken ct)
    {
        if (_current is { } fresh && fresh.ExpiresAt - time.GetUtcNow() > RefreshBefore)
        {
            return fresh;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_current is { } again && again.ExpiresAt - time.GetUtcNow() > RefreshBefore)
            {
                return again;
            }

            var current = await credentials.GetCredentialsAsync(ct).ConfigureAwait(false);
            _current = EksTokenGenerator.Create(current, stsEndpoint, region, clusterName, time.GetUtcNow());
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}

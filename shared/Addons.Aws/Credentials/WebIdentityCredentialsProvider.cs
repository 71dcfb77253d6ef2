using Addons.Aws.Sts;

namespace Addons.Aws.Credentials;

/// <summary>
/// IRSA: exchanges the projected service-account token (re-read from <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> on
/// every refresh, because the kubelet rotates it) for role credentials with STS AssumeRoleWithWebIdentity,
/// refreshed <see cref="RefreshWindow"/> before they expire.
/// </summary>
public sealed class WebIdentityCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    /// <summary>How long before expiry credentials are renewed: 5 minutes, as the AWS SDKs do.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(5);

    private readonly CredentialCache _cache;

    /// <summary>Creates the provider; <paramref name="sts"/> needs no credentials (the call is unsigned).</summary>
    public WebIdentityCredentialsProvider(StsClient sts, string roleArn, string tokenFile, string? sessionName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sts);
        var session = sessionName ?? "addons-" + time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _cache = new CredentialCache(
            async ct =>
            {
                string token;
                try
                {
                    token = (await File.ReadAllTextAsync(tokenFile, ct).ConfigureAwait(false)).Trim();
                }
                catch (IOException e)
                {
                    throw new AwsConfigurationException($"AWS_WEB_IDENTITY_TOKEN_FILE '{tokenFile}' cannot be read: {e.Message}", e);
                }

                var role = await sts.AssumeRoleWithWebIdentityAsync(roleArn, session, token, null, ct).ConfigureAwait(false);
                return role.Credentials with { Source = "web-identity" };
            },
            time,
            RefreshWindow);
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct) => _cache.GetAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}

using Addons.Aws.Sts;

namespace Addons.Aws.Credentials;

/// <summary>
/// Cross-account access: role credentials from STS AssumeRole, signed with the source credentials
/// <paramref name="sts"/> was built with, refreshed 5 minutes before they expire.
/// </summary>
public sealed class AssumeRoleCredentialsProvider(StsClient sts, string roleArn, string sessionName, TimeProvider time, string? externalId = null, TimeSpan? duration = null)
    : IAwsCredentialsProvider, IDisposable
{
    private readonly CredentialCache _cache = new(
        async ct => (await sts.AssumeRoleAsync(roleArn, sessionName, duration, externalId, ct).ConfigureAwait(false)).Credentials with { Source = "assume-role" },
        time,
        WebIdentityCredentialsProvider.RefreshWindow);

    /// <summary>The role this provider assumes.</summary>
    public string RoleArn => roleArn;

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct) => _cache.GetAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}

namespace Addons.Aws.Credentials;

/// <summary>Always the same credentials (environment keys, tests).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct) => ValueTask.FromResult(credentials);
}

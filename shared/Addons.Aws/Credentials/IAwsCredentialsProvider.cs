namespace Addons.Aws.Credentials;

/// <summary>Hands out current credentials; temporary ones are refreshed before they expire.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Current credentials. Throws <see cref="AwsServiceException"/> (or <see cref="AwsConfigurationException"/>) when none can be had.</summary>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken ct);
}

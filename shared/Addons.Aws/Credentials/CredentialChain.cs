using Addons.Aws.Sts;

namespace Addons.Aws.Credentials;

/// <summary>
/// The standard credential chain, in the AWS SDKs' order: environment keys
/// (<c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>), web identity (IRSA:
/// <c>AWS_ROLE_ARN</c> + <c>AWS_WEB_IDENTITY_TOKEN_FILE</c>), container credentials
/// (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> or <c>_RELATIVE_URI</c>, EKS Pod Identity / ECS).
/// <para><b>Caveats:</b> shared config/credentials files, SSO and EC2 instance metadata are not consulted
/// (an addon in a pod uses IRSA or Pod Identity).</para>
/// </summary>
public static class CredentialChain
{
    /// <summary>The first source <paramref name="environment"/> configures; throws <see cref="AwsConfigurationException"/> when none.</summary>
    public static IAwsCredentialsProvider Create(AwsEnvironment environment, HttpClient http, string region, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var keyId = environment.Get("AWS_ACCESS_KEY_ID");
        var secret = environment.Get("AWS_SECRET_ACCESS_KEY");
        if (keyId is not null || secret is not null)
        {
            return keyId is not null && secret is not null
                ? new StaticCredentialsProvider(new AwsCredentials(keyId, secret, environment.Get("AWS_SESSION_TOKEN")) { Source = "environment" })
                : throw new AwsConfigurationException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
        }

        if (environment.Get("AWS_WEB_IDENTITY_TOKEN_FILE") is { } tokenFile)
        {
            var roleArn = environment.Get("AWS_ROLE_ARN") ?? throw new AwsConfigurationException("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not");
            var sts = StsClient.Create(http, environment, region, credentials: null, time);
            return new WebIdentityCredentialsProvider(sts, roleArn, tokenFile, environment.Get("AWS_ROLE_SESSION_NAME"), time);
        }

        var full = environment.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        var relative = environment.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (full is not null || relative is not null)
        {
            var text = full ?? "http://169.254.170.2" + relative;
            var uri = Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : throw new AwsConfigurationException($"AWS_CONTAINER_CREDENTIALS_FULL_URI '{text}' is not an absolute URL");
            return new ContainerCredentialsProvider(http, uri, environment.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"), environment.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN"), time);
        }

        throw new AwsConfigurationException(
            "no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (IRSA), or AWS_CONTAINER_CREDENTIALS_FULL_URI (EKS Pod Identity)");
    }
}

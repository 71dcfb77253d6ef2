using System.Text;
using Addons.Aws.Credentials;
using Addons.Aws.SigV4;

namespace Addons.Aws.Tokens;

/// <summary>
/// Mints EKS bearer tokens as <c>aws eks get-token</c> and aws-iam-authenticator do: a GET
/// <c>?Action=GetCallerIdentity&amp;Version=2011-06-15</c> on the STS endpoint presigned for 60 s over
/// <c>host;x-k8s-aws-id</c> with the cluster name, base64url-encoded behind <c>k8s-aws-v1.</c>.
/// The API server's authenticator accepts it for 15 minutes after signing.
/// </summary>
public static class EksTokenGenerator
{
    /// <summary>The token prefix.</summary>
    public const string Prefix = "k8s-aws-v1.";

    /// <summary>The presign lifetime: 60 s, as the authenticator expects.</summary>
    public static readonly TimeSpan PresignExpiry = TimeSpan.FromSeconds(60);

    /// <summary>How long a token is used: 14 minutes (the server allows 15).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(14);

    /// <summary>A token for <paramref name="clusterName"/> signed by <paramref name="credentials"/> at <paramref name="now"/>.</summary>
    public static EksToken Create(AwsCredentials credentials, Uri stsEndpoint, string region, string clusterName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stsEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        var url = new UriBuilder(stsEndpoint) { Path = "/", Query = "Action=GetCallerIdentity&Version=2011-06-15" }.Uri;
        var presigned = RequestSigner.Presign(HttpMethod.Get, url, [new("x-k8s-aws-id", clusterName)], credentials, new SigningScope(now, region, "sts"), PresignExpiry);
        var value = Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(presigned.AbsoluteUri)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new EksToken(value, now + Lifetime);
    }
}

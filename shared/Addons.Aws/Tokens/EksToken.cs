namespace Addons.Aws.Tokens;

/// <summary>An EKS bearer token and when to stop using it.</summary>
/// <param name="Value"><c>k8s-aws-v1.</c> + base64url (unpadded) of a presigned STS GetCallerIdentity URL.</param>
/// <param name="ExpiresAt">When the API server stops accepting it (15 minutes after signing; we say 14, as the AWS CLI does).</param>
public sealed record EksToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"EksToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

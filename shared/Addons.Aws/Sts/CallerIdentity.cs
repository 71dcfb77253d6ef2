namespace Addons.Aws.Sts;

/// <summary>Who the credentials belong to (STS GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);

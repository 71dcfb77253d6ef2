using Addons.Aws.Credentials;

namespace Addons.Aws.Sts;

/// <summary>The result of AssumeRole / AssumeRoleWithWebIdentity: temporary credentials and the assumed-role ARN.</summary>
public sealed record AssumedRole(AwsCredentials Credentials, string Arn, string AssumedRoleId);

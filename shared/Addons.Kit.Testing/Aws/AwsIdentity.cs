namespace Addons.Kit.Testing.Aws;

/// <summary>A principal the emulator knows: long-term (IAM user) or temporary (assumed role) keys.</summary>
/// <param name="AccessKeyId">Access key id.</param>
/// <param name="SecretAccessKey">Secret.</param>
/// <param name="SessionToken">Session token of temporary keys, else null.</param>
/// <param name="Arn">Caller ARN (GetCallerIdentity).</param>
/// <param name="UserId">Caller user id.</param>
/// <param name="Account">Account id.</param>
/// <param name="Expiration">Expiry of temporary keys, else null.</param>
public sealed record AwsIdentity(string AccessKeyId, string SecretAccessKey, string? SessionToken, string Arn, string UserId, string Account, DateTimeOffset? Expiration);

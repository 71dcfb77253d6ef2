using System.Text.Json.Serialization;

namespace Addons.Aws.Sts;

// STS's JSON form of its query-protocol answers (asked for with Accept: application/json, as the EKS
// authenticator does): { "<Action>Response": { "<Action>Result": { … }, "ResponseMetadata": { "RequestId" } } }.

internal sealed class GetCallerIdentityEnvelope
{
    public GetCallerIdentityResponseBody? GetCallerIdentityResponse { get; set; }
}

internal sealed class GetCallerIdentityResponseBody
{
    public StsIdentity? GetCallerIdentityResult { get; set; }
}

internal sealed class StsIdentity
{
    public string? Account { get; set; }

    public string? Arn { get; set; }

    public string? UserId { get; set; }
}

internal sealed class AssumeRoleEnvelope
{
    public AssumeRoleResponseBody? AssumeRoleResponse { get; set; }

    public AssumeRoleResponseBody? AssumeRoleWithWebIdentityResponse { get; set; }
}

internal sealed class AssumeRoleResponseBody
{
    public StsRoleResult? AssumeRoleResult { get; set; }

    public StsRoleResult? AssumeRoleWithWebIdentityResult { get; set; }
}

internal sealed class StsRoleResult
{
    public StsCredentials? Credentials { get; set; }

    public StsRoleUser? AssumedRoleUser { get; set; }
}

internal sealed class StsCredentials
{
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }
}

internal sealed class StsRoleUser
{
    public string? Arn { get; set; }

    public string? AssumedRoleId { get; set; }
}

[JsonSerializable(typeof(GetCallerIdentityEnvelope))]
[JsonSerializable(typeof(AssumeRoleEnvelope))]
internal sealed partial class StsJsonContext : JsonSerializerContext;

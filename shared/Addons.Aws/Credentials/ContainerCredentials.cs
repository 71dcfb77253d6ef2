using System.Text.Json.Serialization;

namespace Addons.Aws.Credentials;

/// <summary>The JSON the container credentials endpoint (ECS, EKS Pod Identity agent) returns.</summary>
internal sealed class ContainerCredentials
{
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? Token { get; set; }

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }
}

[JsonSerializable(typeof(ContainerCredentials))]
internal sealed partial class CredentialsJsonContext : JsonSerializerContext;

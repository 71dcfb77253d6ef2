namespace Addons.Aws.Credentials;

/// <summary>
/// One set of AWS credentials. <see cref="ToString"/> never prints the secret or the session token, so a
/// credentials object that reaches a log line or an exception message leaks only the access key id.
/// </summary>
/// <param name="AccessKeyId">The access key id (AKIA… long-term, ASIA… temporary).</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token of temporary credentials, else null.</param>
/// <param name="Expiration">When temporary credentials expire, else null (never).</param>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    /// <summary>Where these credentials came from (env, web-identity, container, assume-role, static), for diagnostics.</summary>
    public string Source { get; init; } = "static";

    /// <summary>True when these credentials expire within <paramref name="window"/> of <paramref name="now"/>.</summary>
    public bool ExpiresWithin(TimeSpan window, DateTimeOffset now) => Expiration is { } at && at - now <= window;

    /// <inheritdoc />
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, Source = {Source}, Expiration = {Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} }}";
}

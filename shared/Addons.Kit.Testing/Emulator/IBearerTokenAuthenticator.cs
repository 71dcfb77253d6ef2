namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// A pluggable bearer-token authenticator (<see cref="EmulatorOptions.Authenticator"/>): consulted for a
/// token that is neither the admin token nor a ServiceAccount token the emulator issued — e.g. an EKS
/// emulator accepting <c>k8s-aws-v1.</c> tokens by calling its STS. Return null when the token is not yours.
/// </summary>
public interface IBearerTokenAuthenticator
{
    /// <summary>The user the token authenticates as, or null to leave it unauthenticated.</summary>
    ValueTask<EmulatorUser?> AuthenticateAsync(string token, CancellationToken cancellationToken);
}

namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// An external bearer-token check (e.g. EKS <c>k8s-aws-v1.</c> tokens validated against the STS emulator):
/// the user a token belongs to, or null when this authenticator does not accept it.
/// </summary>
public delegate Task<AuthenticatedUser?> BearerTokenAuthenticator(string token, CancellationToken ct);

namespace Addons.Kit.Testing.Emulator;

/// <summary>Who an external bearer-token authenticator says a token belongs to.</summary>
/// <param name="User">The Kubernetes user name (RBAC subjects of kind User match it).</param>
/// <param name="Groups">Its groups; system:authenticated is added by the emulator.</param>
public sealed record AuthenticatedUser(string User, IReadOnlyList<string> Groups);

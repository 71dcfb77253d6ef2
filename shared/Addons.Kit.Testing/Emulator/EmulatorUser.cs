namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// A user an <see cref="IBearerTokenAuthenticator"/> resolved: name and groups, as RBAC bindings name them
/// (<c>system:authenticated</c> is added). A member of <c>system:masters</c> is allowed everything.
/// </summary>
public sealed record EmulatorUser(string Name, IReadOnlyList<string> Groups);

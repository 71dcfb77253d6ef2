using Addons.Kit.Testing.Emulator.Rbac;

namespace Addons.Kit.Testing.Emulator;

/// <summary>The hook for bearer tokens the emulator does not issue itself (EKS tokens).</summary>
public sealed partial class EmulatorRbac
{
    /// <summary>
    /// Consulted for bearer tokens the emulator did not issue, before the built-in fallback. A token it
    /// accepts acts as the returned user (authorized by RBAC when <see cref="Enabled"/>); a token it rejects
    /// is a 401 when RBAC is on (and the admin when it is off, like any unknown token).
    /// </summary>
    /// <value>The default value is null: no external tokens.</value>
    public BearerTokenAuthenticator? ExternalTokens { get; set; }

    internal async Task<Identity> AuthenticateAsync(string? authorization, CancellationToken ct)
    {
        const string Bearer = "Bearer ";
        if (ExternalTokens is { } external && authorization is not null && authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && !_tokens.ContainsKey(authorization[Bearer.Length..].Trim())
            && await external(authorization[Bearer.Length..].Trim(), ct) is { } user)
        {
            return new Identity(user.User, user.Groups.Append("system:authenticated").Distinct(StringComparer.Ordinal).ToList());
        }

        return Authenticate(authorization);
    }
}

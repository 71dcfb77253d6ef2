namespace Addons.Kit.Kubernetes.Config;

/// <summary>A bearer token and the moment it stops being valid.</summary>
/// <param name="Token">The token (never logged).</param>
/// <param name="ExpiresAt">When the server stops accepting it; <see cref="DateTimeOffset.MaxValue"/> for a token that does not expire.</param>
public readonly record struct BearerToken(string Token, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc/>
    public override string ToString() => $"BearerToken(*** until {ExpiresAt:O})";
}

using System.Net.Http.Headers;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Bearer tokens from an <see cref="IBearerTokenProvider"/>, cached until shortly before they expire.</summary>
/// <remarks>
/// A token is renewed once less than a minute (or a fifth of its lifetime, if shorter) is left, and at once
/// after a 401. One refresh at a time: concurrent requests wait for it. A provider failure propagates to the
/// request (the caller's retry policy applies); the stale token is not used past its expiry.
/// </remarks>
internal sealed class ProvidedTokenCredentials(IBearerTokenProvider provider, TimeProvider time) : KubeCredentials
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Entry? _current;

    public override async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.Header;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } other && time.GetUtcNow() < other.RenewAt)
            {
                return other.Header;
            }

            var now = time.GetUtcNow();
            var token = await provider.GetTokenAsync(cancellationToken);
            if (string.IsNullOrEmpty(token.Token))
            {
                throw new InvalidOperationException("the bearer token provider returned an empty token");
            }

            var lifetime = token.ExpiresAt - now;
            var margin = lifetime <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 5, RefreshMargin.Ticks));
            var entry = new Entry(new AuthenticationHeaderValue("Bearer", token.Token), token.ExpiresAt == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : token.ExpiresAt - margin);
            _current = entry;
            return entry.Header;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public override void Invalidate() => _current = null;

    private sealed record Entry(AuthenticationHeaderValue Header, DateTimeOffset RenewAt);
}

using System.Net.Http.Headers;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>A bearer token read from a file that the kubelet rotates (projected service-account token).</summary>
/// <remarks>Re-read at most once a minute (as client-go) and at once after a 401, so a rotated token is
/// picked up without a restart. A read failure keeps the last good token and retries on the next request.</remarks>
internal sealed class TokenFileCredentials(string path, TimeProvider time) : KubeCredentials
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private AuthenticationHeaderValue? header;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public string Path => path;

    public override async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (header is not null && time.GetUtcNow() - readAt < RefreshInterval)
            {
                return header;
            }
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }
        catch (IOException) when (header is not null)
        {
            // Mid-rotation the kubelet swaps a symlink; the previous token stays valid for a while.
            return header;
        }

        lock (gate)
        {
            header = new AuthenticationHeaderValue("Bearer", token);
            readAt = time.GetUtcNow();
            return header;
        }
    }

    public override void Invalidate()
    {
        lock (gate)
        {
            readAt = DateTimeOffset.MinValue;
        }
    }
}

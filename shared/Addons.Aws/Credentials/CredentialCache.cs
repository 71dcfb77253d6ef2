namespace Addons.Aws.Credentials;

/// <summary>
/// Holds temporary credentials and fetches new ones when they are within the refresh window of their
/// expiry (single flight: concurrent callers share one fetch). Credentials without expiry are kept forever.
/// A failed refresh throws to the caller; the next call tries again.
/// </summary>
internal sealed class CredentialCache(Func<CancellationToken, Task<AwsCredentials>> fetch, TimeProvider time, TimeSpan refreshWindow) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AwsCredentials? _current;

    public async ValueTask<AwsCredentials> GetAsync(CancellationToken ct)
    {
        if (Fresh(_current) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } again)
            {
                return again;
            }

            _current = await fetch(ct).ConfigureAwait(false);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private AwsCredentials? Fresh(AwsCredentials? credentials) =>
        credentials is not null && !credentials.ExpiresWithin(refreshWindow, time.GetUtcNow()) ? credentials : null;
}

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Options of the process-wide <see cref="KubeApi"/>.</summary>
public sealed class KubeApiOptions
{
    private long maxResponseBytes = 32L * 1024 * 1024;

    /// <summary>Upper bound of one non-watch request (headers and body). Callers may bound tighter with their token.
    /// <value>The default value is 30 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read into memory (one list page, one object). A larger body fails the request
    /// with <see cref="KubeResponseException"/> instead of growing the process without bound (a 400 MB list
    /// took a CLI to 6 GB). Between 1 KiB and 1 GiB.
    /// <value>The default value is 32 MiB: a 500-item page (the default page size) of objects averaging 64 KiB.</value></summary>
    public long MaxResponseBytes
    {
        get => maxResponseBytes;
        set => maxResponseBytes = value is >= 1024 and <= 1024L * 1024 * 1024
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxResponseBytes must be between 1 KiB and 1 GiB");
    }

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS and API-server endpoint
    /// changes are picked up. <value>The default value is 5 minutes.</value></summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>TCP+TLS connect timeout. <value>The default value is 10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The User-Agent header. <value>The default value is <c>addons-kit</c>.</value></summary>
    public string UserAgent { get; set; } = "addons-kit";
}

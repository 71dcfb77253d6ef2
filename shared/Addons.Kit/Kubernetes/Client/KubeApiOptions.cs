namespace Addons.Kit.Kubernetes.Client;

/// <summary>Options of the process-wide <see cref="KubeApi"/>.</summary>
public sealed class KubeApiOptions
{
    /// <summary>Upper bound of one non-watch request (headers and body). Callers may bound tighter with their token.
    /// <value>The default value is 30 seconds.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS and API-server endpoint
    /// changes are picked up. <value>The default value is 5 minutes.</value></summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>TCP+TLS connect timeout. <value>The default value is 10 seconds.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The User-Agent header. <value>The default value is <c>addons-kit</c>.</value></summary>
    public string UserAgent { get; set; } = "addons-kit";
}

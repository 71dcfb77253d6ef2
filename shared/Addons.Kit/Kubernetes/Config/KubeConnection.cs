using Addons.Kit.Kubernetes.Client;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Where the Kubernetes API is and how to authenticate to it: from the pod (in-cluster) or a kubeconfig.</summary>
/// <remarks>
/// Discovery order of <see cref="Load"/> (as controller-runtime): an explicit kubeconfig path; else <c>KUBECONFIG</c>
/// (a colon-separated list, merged, first wins); else in-cluster when <c>KUBERNETES_SERVICE_HOST/PORT</c> are set
/// and no context was asked for; else <c>~/.kube/config</c>. Errors are <see cref="KubeConfigException"/>s that
/// name the file and field.
/// </remarks>
public sealed class KubeConnection
{
    internal KubeConnection(Uri server, string? ns, TlsSettings tls, KubeCredentials credentials, string description, string? contextName = null)
    {
        ContextName = contextName;
        Server = server;
        Namespace = ns;
        Tls = tls;
        Credentials = credentials;
        Description = description;
    }

    /// <summary>The API server URL.</summary>
    public Uri Server { get; }

    /// <summary>The default namespace: the context's <c>namespace</c>, or the pod's namespace in-cluster; null when unset.</summary>
    public string? Namespace { get; }

    /// <summary>The kubeconfig context in use; null in-cluster and for <see cref="ForServer"/> and <see cref="ForCluster"/>.</summary>
    public string? ContextName { get; }

    /// <summary>Where the configuration came from (for the startup log line); never contains secrets.</summary>
    public string Description { get; }

    internal TlsSettings Tls { get; }

    internal KubeCredentials Credentials { get; }

    /// <summary>Finds the configuration the standard way (see remarks of <see cref="KubeConnection"/>).</summary>
    /// <param name="kubeconfig">Explicit kubeconfig path(s) (<c>--kubeconfig</c>); null: discover.</param>
    /// <param name="context">Context override (<c>--context</c>); null: <c>current-context</c>.</param>
    public static KubeConnection Load(string? kubeconfig = null, string? context = null) =>
        Load(kubeconfig, context, KubeEnvironment.Process, TimeProvider.System);

    /// <summary>The in-cluster configuration (service-account token, CA, namespace of the pod).</summary>
    public static KubeConnection InCluster() => InClusterConfig.Load(KubeEnvironment.Process, TimeProvider.System);

    /// <summary>Loads kubeconfig file(s): <paramref name="kubeconfig"/> (colon-separated), else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public static KubeConnection FromKubeconfig(string? kubeconfig = null, string? context = null) =>
        FromKubeconfig(kubeconfig, context, KubeEnvironment.Process, TimeProvider.System);

    /// <summary>A plain connection to <paramref name="server"/> with an optional bearer token (tests, the emulator, the sandbox).</summary>
    public static KubeConnection ForServer(Uri server, string? bearerToken = null, string? ns = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var credentials = string.IsNullOrEmpty(bearerToken) ? KubeCredentials.None : StaticCredentials.Bearer(bearerToken);
        return new KubeConnection(server, ns, TlsSettings.Default, credentials, "server " + server.Authority);
    }

    /// <summary>
    /// A connection to another cluster (an edge cluster from an ArgoCD Secret, an EKS target cluster):
    /// server, a fixed token or a refreshing <see cref="IBearerTokenProvider"/>, CA data, client certificate,
    /// insecure, server name. Use it with <c>new KubeApi(...)</c>, one per cluster, disposed when the cluster goes.
    /// </summary>
    /// <param name="endpoint">The cluster's endpoint and credentials.</param>
    /// <param name="time">Clock for token expiry (tests pass a fake one); the system clock by default.</param>
    /// <exception cref="FormatException">CA or client certificate data is malformed; the message names the field, never its value.</exception>
    /// <exception cref="ArgumentException">Both a bearer token and a token provider were given.</exception>
    public static KubeConnection ForCluster(ClusterEndpoint endpoint, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.TokenProvider is not null && !string.IsNullOrEmpty(endpoint.BearerToken))
        {
            throw new ArgumentException($"{endpoint.Describe()}: give either BearerToken or TokenProvider, not both", nameof(endpoint));
        }

        KubeCredentials credentials = endpoint.TokenProvider is { } provider ? new ProvidedTokenCredentials(provider, time ?? TimeProvider.System)
            : string.IsNullOrEmpty(endpoint.BearerToken) ? KubeCredentials.None
            : StaticCredentials.Bearer(endpoint.BearerToken);
        return new KubeConnection(endpoint.Server, endpoint.Namespace, endpoint.ToTlsSettings(), credentials, endpoint.Describe());
    }

    internal static KubeConnection Load(string? kubeconfig, string? context, KubeEnvironment env, TimeProvider time)
    {
        if (string.IsNullOrEmpty(kubeconfig) && string.IsNullOrEmpty(env.GetVariable("KUBECONFIG")) && context is null && env.InCluster)
        {
            return InClusterConfig.Load(env, time);
        }

        return FromKubeconfig(kubeconfig, context, env, time);
    }

    internal static KubeConnection FromKubeconfig(string? kubeconfig, string? context, KubeEnvironment env, TimeProvider time)
    {
        if (!string.IsNullOrEmpty(kubeconfig))
        {
            return KubeConfigLoader.Load(Split(kubeconfig), context, mustExist: true, time);
        }

        if (env.GetVariable("KUBECONFIG") is { Length: > 0 } list)
        {
            return KubeConfigLoader.Load(Split(list), context, mustExist: false, time);
        }

        var home = env.DefaultKubeconfig ?? throw new KubeConfigException("no kubeconfig: KUBECONFIG is unset and the home directory is unknown");
        return KubeConfigLoader.Load([home], context, mustExist: false, time);
    }

    internal SocketsHttpHandler CreateHandler(KubeApiOptions options) => new()
    {
        PooledConnectionLifetime = options.PooledConnectionLifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        ConnectTimeout = options.ConnectTimeout,
        UseCookies = false,
        AllowAutoRedirect = false,
        SslOptions = Tls.ToSslOptions(),
    };

    private static string[] Split(string paths) =>
        paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

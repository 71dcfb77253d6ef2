using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>
/// Where another cluster's API server is and how to authenticate to it — the fields of an ArgoCD cluster
/// Secret or of an EKS cluster description. Turn it into a client with <see cref="KubeConnection.ForCluster"/>:
/// <code>
/// var edge = ClusterEndpoint.FromArgoCdConfig(server, secret.StringData["config"]);
/// using var api = new KubeApi(KubeConnection.ForCluster(edge), options, loggers, time);
/// </code>
/// </summary>
public sealed class ClusterEndpoint
{
    /// <summary>The API server URL (required).</summary>
    public required Uri Server { get; init; }

    /// <summary>A short, secret-free name for logs (the cluster's name).</summary>
    /// <value>The default value is the server's host and port.</value>
    public string? Name { get; init; }

    /// <summary>A fixed bearer token. Mutually exclusive with <see cref="TokenProvider"/>.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Expiring tokens (EKS, OIDC): cached and renewed before expiry and after a 401.</summary>
    public IBearerTokenProvider? TokenProvider { get; init; }

    /// <summary>CA bundle to trust, PEM text or base64 of PEM (ArgoCD <c>caData</c>, EKS <c>certificateAuthority.data</c>); null: the system store.</summary>
    public string? CaData { get; init; }

    /// <summary>Client certificate, PEM or base64 of PEM; needs <see cref="KeyData"/>.</summary>
    public string? CertData { get; init; }

    /// <summary>Client private key, PEM or base64 of PEM; needs <see cref="CertData"/>.</summary>
    public string? KeyData { get; init; }

    /// <summary>Accept any server certificate (ArgoCD <c>insecure</c>). Never combine with a token you care about.</summary>
    public bool Insecure { get; init; }

    /// <summary>Name to verify the server certificate against when it differs from the URL host.</summary>
    public string? ServerName { get; init; }

    /// <summary>The default namespace of clients built on this connection.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Reads an ArgoCD cluster Secret's <c>config</c> JSON:
    /// <c>{"bearerToken": "...", "tlsClientConfig": {"insecure": false, "caData": "...", "certData": "...", "keyData": "...", "serverName": "..."}}</c>.
    /// </summary>
    /// <param name="server">The Secret's <c>server</c>.</param>
    /// <param name="configJson">The Secret's <c>config</c>.</param>
    /// <param name="name">The Secret's <c>name</c>, for logs.</param>
    /// <exception cref="FormatException">The JSON or the server URL is malformed; the message names the field.</exception>
    public static ClusterEndpoint FromArgoCdConfig(string server, string configJson, string? name = null) =>
        ArgoCdClusterConfig.Parse(server, configJson, name);

    internal TlsSettings ToTlsSettings()
    {
        X509Certificate2Collection? authorities = null;
        if (!string.IsNullOrWhiteSpace(CaData))
        {
            authorities = [];
            try
            {
                authorities.ImportFromPem(Pem(CaData, nameof(CaData)));
            }
            catch (CryptographicException e)
            {
                throw new FormatException($"{Describe()}: caData is not a PEM certificate bundle: {e.Message}", e);
            }

            if (authorities.Count == 0)
            {
                throw new FormatException($"{Describe()}: caData holds no PEM certificate");
            }
        }

        X509Certificate2? client = null;
        if (!string.IsNullOrWhiteSpace(CertData) || !string.IsNullOrWhiteSpace(KeyData))
        {
            if (string.IsNullOrWhiteSpace(CertData) || string.IsNullOrWhiteSpace(KeyData))
            {
                throw new FormatException($"{Describe()}: certData and keyData must be given together");
            }

            try
            {
                client = X509Certificate2.CreateFromPem(Pem(CertData, nameof(CertData)), Pem(KeyData, nameof(KeyData)));
            }
            catch (CryptographicException e)
            {
                throw new FormatException($"{Describe()}: certData and keyData do not form a valid PEM pair: {e.Message}", e);
            }
        }

        return new TlsSettings(authorities, client, Insecure, string.IsNullOrWhiteSpace(ServerName) ? null : ServerName);
    }

    internal string Describe() => "cluster " + (Name ?? Server.Authority);

    /// <summary>PEM text as is; anything else is taken as base64 of PEM (Go's []byte in JSON).</summary>
    private string Pem(string value, string field)
    {
        var text = value.Trim();
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new FormatException($"{Describe()}: {char.ToLowerInvariant(field[0]) + field[1..]} is neither PEM nor base64 of PEM");
        }
    }
}

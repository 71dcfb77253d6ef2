using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>How to verify the server and prove the client over TLS.</summary>
/// <param name="CertificateAuthorities">Trust only these roots (kubeconfig <c>certificate-authority</c>); null: the system store.</param>
/// <param name="ClientCertificate">Client certificate with its private key, when the user authenticates with one.</param>
/// <param name="InsecureSkipVerify">Accept any server certificate (kubeconfig <c>insecure-skip-tls-verify</c>).</param>
/// <param name="ServerName">Expected server name when it differs from the URL host (<c>tls-server-name</c>).</param>
internal sealed record TlsSettings(
    X509Certificate2Collection? CertificateAuthorities,
    X509Certificate2? ClientCertificate,
    bool InsecureSkipVerify,
    string? ServerName)
{
    public static TlsSettings Default { get; } = new(null, null, false, null);

    public SslClientAuthenticationOptions ToSslOptions()
    {
        var ssl = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate };
        if (ClientCertificate is not null)
        {
            ssl.ClientCertificates = [ClientCertificate];
        }

        if (ServerName is not null)
        {
            ssl.TargetHost = ServerName;
        }

        return ssl;
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (InsecureSkipVerify)
        {
            return true;
        }

        if (ServerName is not null && certificate is not null)
        {
            // SocketsHttpHandler verifies against the URL host whatever TargetHost says: check the configured
            // name here instead (tls-server-name / serverName), and only that name.
            using var presented = new X509Certificate2(certificate);
            if (!presented.MatchesHostname(ServerName))
            {
                return false;
            }

            errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A custom CA only fixes chain errors; a wrong host name or no certificate stays fatal.
        if (CertificateAuthorities is null || certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(CertificateAuthorities);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Configuration inside a pod: <c>KUBERNETES_SERVICE_HOST/PORT</c>, the mounted service-account token
/// (re-read as it rotates), CA and namespace.</summary>
internal static class InClusterConfig
{
    public static KubeConnection Load(KubeEnvironment env, TimeProvider time)
    {
        var host = env.GetVariable("KUBERNETES_SERVICE_HOST");
        var port = env.GetVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");
        }

        var tokenPath = Path.Combine(env.ServiceAccountDirectory, "token");
        if (!File.Exists(tokenPath))
        {
            throw new KubeConfigException($"{tokenPath}: service-account token file is missing (automountServiceAccountToken: false?)");
        }

        var caPath = Path.Combine(env.ServiceAccountDirectory, "ca.crt");
        X509Certificate2Collection? ca = null;
        if (File.Exists(caPath))
        {
            ca = [];
            try
            {
                ca.ImportFromPemFile(caPath);
            }
            catch (CryptographicException e)
            {
                throw KubeConfigException.At(caPath, "ca.crt", "not a PEM certificate bundle", e);
            }
        }

        var hostPart = host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
        var server = new Uri("https://" + hostPart + ":" + port);
        var ns = ReadNamespace(env.ServiceAccountDirectory);
        return new KubeConnection(server, ns, new TlsSettings(ca, null, false, null), new TokenFileCredentials(tokenPath, time), "in-cluster");
    }

    /// <summary>The pod's namespace from the service-account mount, or null outside a pod.</summary>
    public static string? ReadNamespace(string serviceAccountDirectory)
    {
        var path = Path.Combine(serviceAccountDirectory, "namespace");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

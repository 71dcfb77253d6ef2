using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Loads a <see cref="KubeConnection"/> from kubeconfig files (YAML parsed with YamlDotNet's
/// representation model: no reflection, AOT-clean).</summary>
internal static class KubeConfigLoader
{
    /// <summary>Loads the files (first wins on conflicts) and resolves <paramref name="context"/> or <c>current-context</c>.</summary>
    /// <param name="files">Files in priority order. Missing files are skipped unless <paramref name="mustExist"/>.</param>
    /// <param name="context">Context override (<c>--context</c>); null uses <c>current-context</c>.</param>
    /// <param name="mustExist">True for an explicitly named file: missing is an error.</param>
    /// <param name="time">Clock for token caches.</param>
    public static KubeConnection Load(IReadOnlyList<string> files, string? context, bool mustExist, TimeProvider time)
    {
        var doc = new KubeConfigDocument();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                if (mustExist)
                {
                    throw new KubeConfigException($"{file}: kubeconfig file not found");
                }

                continue;
            }

            doc.Merge(Path.GetFullPath(file), File.ReadAllText(file));
        }

        var where = doc.Files.Count == 0 ? string.Join(", ", files) : string.Join(", ", doc.Files);
        if (doc.Files.Count == 0)
        {
            throw new KubeConfigException($"no kubeconfig found (looked at {where})");
        }

        var contextName = context ?? doc.CurrentContext
            ?? throw new KubeConfigException($"{where}: current-context is not set; choose a context with --context");
        if (!doc.Contexts.TryGetValue(contextName, out var ctx))
        {
            var known = doc.Contexts.Count == 0 ? "none" : string.Join(", ", doc.Contexts.Keys.Order(StringComparer.Ordinal));
            throw new KubeConfigException($"{where}: context '{contextName}' not found (contexts: {known})");
        }

        var clusterName = ctx.Required("cluster");
        if (!doc.Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw KubeConfigException.At(ctx.File, ctx.Field("cluster"), $"cluster '{clusterName}' not found");
        }

        YamlFields? user = null;
        if (ctx.String("user") is { Length: > 0 } userName && !doc.Users.TryGetValue(userName, out user))
        {
            throw KubeConfigException.At(ctx.File, ctx.Field("user"), $"user '{userName}' not found");
        }

        var server = ParseServer(cluster);
        var ca = LoadCertificateAuthorities(cluster);
        var (clientCert, credentials) = user is null ? (null, KubeCredentials.None) : LoadUser(user, time);
        var tls = new TlsSettings(ca, clientCert, cluster.Bool("insecure-skip-tls-verify"), cluster.String("tls-server-name"));
        var ns = ctx.String("namespace");
        return new KubeConnection(server, string.IsNullOrEmpty(ns) ? null : ns, tls, credentials, $"kubeconfig {where}, context {contextName}", contextName);
    }

    private static Uri ParseServer(YamlFields cluster)
    {
        var text = cluster.Required("server");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw KubeConfigException.At(cluster.File, cluster.Field("server"), $"'{text}' is not an http(s) URL");
        }

        return uri;
    }

    private static X509Certificate2Collection? LoadCertificateAuthorities(YamlFields cluster)
    {
        var data = cluster.Base64("certificate-authority-data");
        var file = cluster.FilePath("certificate-authority");
        if (data is null && file is null)
        {
            return null;
        }

        var field = data is not null ? "certificate-authority-data" : "certificate-authority";
        try
        {
            var pem = data is not null ? System.Text.Encoding.UTF8.GetString(data) : File.ReadAllText(file!);
            var ca = new X509Certificate2Collection();
            ca.ImportFromPem(pem);
            return ca.Count > 0 ? ca : throw KubeConfigException.At(cluster.File, cluster.Field(field), "holds no PEM certificate");
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw KubeConfigException.At(cluster.File, cluster.Field(field), e.Message, e);
        }
    }

    private static (X509Certificate2? Cert, KubeCredentials Credentials) LoadUser(YamlFields user, TimeProvider time)
    {
        if (user.Mapping("auth-provider") is not null)
        {
            throw KubeConfigException.At(user.File, user.Field("auth-provider"), "auth-provider plugins are not supported; use an exec credential plugin");
        }

        var cert = ClientCertificate(user);
        if (user.Mapping("exec") is { } exec)
        {
            return (cert, new ExecCredentials(ExecConfigOf(exec), time));
        }

        if (user.String("token") is { Length: > 0 } token)
        {
            return (cert, StaticCredentials.Bearer(token));
        }

        if (user.FilePath("tokenFile") is { } tokenFile)
        {
            return (cert, new TokenFileCredentials(tokenFile, time));
        }

        if (user.String("username") is { Length: > 0 } name)
        {
            return (cert, StaticCredentials.Basic(name, user.String("password") ?? ""));
        }

        return (cert, KubeCredentials.None);
    }

    private static X509Certificate2? ClientCertificate(YamlFields user)
    {
        var certPem = Pem(user, "client-certificate-data", "client-certificate");
        var keyPem = Pem(user, "client-key-data", "client-key");
        if (certPem is null && keyPem is null)
        {
            return null;
        }

        if (certPem is null || keyPem is null)
        {
            var missing = certPem is null ? "client-certificate" : "client-key";
            throw KubeConfigException.At(user.File, user.Field(missing), "is required when the other half of the client key pair is set");
        }

        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException e)
        {
            throw KubeConfigException.At(user.File, user.Field("client-certificate"), "client certificate and key do not form a valid PEM pair: " + e.Message, e);
        }
    }

    private static string? Pem(YamlFields user, string dataKey, string fileKey)
    {
        if (user.Base64(dataKey) is { } data)
        {
            return System.Text.Encoding.UTF8.GetString(data);
        }

        var file = user.FilePath(fileKey);
        if (file is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException e)
        {
            throw KubeConfigException.At(user.File, user.Field(fileKey), e.Message, e);
        }
    }

    private static ExecConfig ExecConfigOf(YamlFields exec)
    {
        var command = exec.Required("command");
        if (!Path.IsPathRooted(command) && command.Contains('/', StringComparison.Ordinal))
        {
            // client-go: a relative path with a separator is relative to the kubeconfig that names it.
            command = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(exec.File) ?? ".", command));
        }

        var apiVersion = exec.Required("apiVersion");
        if (!apiVersion.StartsWith("client.authentication.k8s.io/", StringComparison.Ordinal))
        {
            throw KubeConfigException.At(exec.File, exec.Field("apiVersion"), $"'{apiVersion}' is not a client.authentication.k8s.io version");
        }

        var env = exec.Mappings("env").Select(e => KeyValuePair.Create(e.Required("name"), e.String("value") ?? "")).ToList();
        return new ExecConfig(command, exec.Strings("args").ToList(), env, apiVersion, exec.String("installHint"), exec.File + ": " + exec.Path);
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Addons.Kit.Kubernetes.Config;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class KubeConfigLoaderTests
{
    private const string First = """
        apiVersion: v1
        kind: Config
        current-context: a
        clusters:
        - name: one
          cluster:
            server: https://one.example:6443
            insecure-skip-tls-verify: true
        users:
        - name: alice
          user:
            token: first-token
        contexts:
        - name: a
          context: {cluster: one, user: alice, namespace: team-a}
        """;

    private const string Second = """
        current-context: b
        clusters:
        - name: one
          cluster: {server: https://shadowed.example}
        - name: two
          cluster: {server: "http://127.0.0.1:8080/prefix"}
        users:
        - name: bob
          user: {username: bob, password: pw}
        contexts:
        - name: b
          context: {cluster: two, user: bob}
        """;

    private static KubeEnvironment Env(string? kubeconfig, string? home = null, string? host = null, string saDir = "/nonexistent") =>
        new(name => name switch
        {
            "KUBECONFIG" => kubeconfig,
            "KUBERNETES_SERVICE_HOST" => host,
            "KUBERNETES_SERVICE_PORT" => host is null ? null : "443",
            _ => null,
        }, saDir, home);

    [Fact]
    public async Task Load_KubeconfigList_FirstFileWinsAndContextResolves()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", First);
        var b = dir.Write("b.yaml", Second);

        var conn = KubeConnection.Load(null, null, Env(a + ":" + b), TimeProvider.System);

        Assert.Equal(new Uri("https://one.example:6443"), conn.Server);
        Assert.Equal("team-a", conn.Namespace);
        Assert.True(conn.Tls.InsecureSkipVerify);
        var auth = await conn.Credentials.GetAuthorizationAsync(CancellationToken.None);
        Assert.Equal("Bearer first-token", auth!.ToString());
        Assert.Contains("context a", conn.Description, StringComparison.Ordinal);
        Assert.Equal("a", conn.ContextName);
        Assert.DoesNotContain("first-token", conn.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ContextOverride_UsesEntriesFromLaterFile()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", First);
        var b = dir.Write("b.yaml", Second);

        var conn = KubeConnection.Load(null, "b", Env(a + ":" + b), TimeProvider.System);

        Assert.Equal("http://127.0.0.1:8080/prefix", conn.Server.AbsoluteUri);
        Assert.Null(conn.Namespace);
        var auth = await conn.Credentials.GetAuthorizationAsync(CancellationToken.None);
        Assert.Equal("Basic", auth!.Scheme);
    }

    [Fact]
    public void Load_UnknownContext_NamesFileAndKnownContexts()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", First);

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(a, "nope", Env(null), TimeProvider.System));

        Assert.Contains(a, e.Message, StringComparison.Ordinal);
        Assert.Contains("'nope' not found (contexts: a)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadBase64_NamesFileAndField()
    {
        using var dir = new TempDir();
        var file = dir.Write("bad.yaml", """
            current-context: x
            clusters:
            - name: c
              cluster: {server: "https://x", certificate-authority-data: "***"}
            contexts:
            - name: x
              context: {cluster: c}
            """);

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(file, null, Env(null), TimeProvider.System));

        Assert.Equal(file + ": clusters[0].cluster.certificate-authority-data: is not valid base64", e.Message);
    }

    [Fact]
    public void Load_MissingServer_NamesField()
    {
        using var dir = new TempDir();
        var file = dir.Write("c.yaml", "current-context: x\nclusters:\n- name: c\n  cluster: {}\ncontexts:\n- name: x\n  context: {cluster: c}\n");

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(file, null, Env(null), TimeProvider.System));

        Assert.Equal(file + ": clusters[0].cluster.server: is required", e.Message);
    }

    [Fact]
    public void Load_InvalidYaml_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var file = dir.Write("y.yaml", "clusters: [\n  - {name: x\n");

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(file, null, Env(null), TimeProvider.System));

        Assert.StartsWith(file + ": line ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExplicitMissingFile_Throws()
    {
        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load("/nonexistent/kubeconfig", null, Env(null), TimeProvider.System));

        Assert.Contains("/nonexistent/kubeconfig: kubeconfig file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoKubeconfigAnywhere_SaysWhereItLooked()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(null, null, Env(null, home: dir.Path), TimeProvider.System));

        Assert.Contains(Path.Combine(dir.Path, ".kube", "config"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HomeKubeconfig_UsedWhenNothingElseSet()
    {
        using var dir = new TempDir();
        dir.Write(".kube/config", First);

        var conn = KubeConnection.Load(null, null, Env(null, home: dir.Path), TimeProvider.System);

        Assert.Equal("one.example", conn.Server.Host);
    }

    [Fact]
    public async Task Load_InCluster_ReadsTokenCaNamespaceAndRereadsRotatedToken()
    {
        using var dir = new TempDir();
        var (caPem, _, _) = SelfSigned("kube-ca");
        dir.Write("sa/token", "token-1\n");
        dir.Write("sa/ca.crt", caPem);
        dir.Write("sa/namespace", "kube-system");
        var time = new FakeTimeProvider();

        var conn = KubeConnection.Load(null, null, Env(null, host: "10.0.0.1", saDir: Path.Combine(dir.Path, "sa")), time);

        Assert.Equal(new Uri("https://10.0.0.1:443"), conn.Server);
        Assert.Equal("kube-system", conn.Namespace);
        Assert.Single(conn.Tls.CertificateAuthorities!);
        Assert.Equal("Bearer token-1", (await conn.Credentials.GetAuthorizationAsync(CancellationToken.None))!.ToString());

        dir.Write("sa/token", "token-2\n");
        Assert.Equal("Bearer token-1", (await conn.Credentials.GetAuthorizationAsync(CancellationToken.None))!.ToString());
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal("Bearer token-2", (await conn.Credentials.GetAuthorizationAsync(CancellationToken.None))!.ToString());

        dir.Write("sa/token", "token-3\n");
        conn.Credentials.Invalidate();
        Assert.Equal("Bearer token-3", (await conn.Credentials.GetAuthorizationAsync(CancellationToken.None))!.ToString());
    }

    [Fact]
    public void Load_InClusterWithContextOverride_UsesKubeconfig()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.yaml", First);

        var conn = KubeConnection.Load(a, null, Env(null, host: "10.0.0.1"), TimeProvider.System);

        Assert.Equal("one.example", conn.Server.Host);
    }

    [Fact]
    public void Load_ClientCertificateFilesRelativeToKubeconfig_LoadsKeyPair()
    {
        using var dir = new TempDir();
        var (caPem, certPem, keyPem) = SelfSigned("admin");
        dir.Write("pki/ca.pem", caPem);
        dir.Write("pki/admin.pem", certPem);
        dir.Write("pki/admin-key.pem", keyPem);
        var file = dir.Write("cfg/config", """
            current-context: x
            clusters:
            - name: c
              cluster: {server: "https://x:6443", certificate-authority: ../pki/ca.pem, tls-server-name: kubernetes}
            users:
            - name: u
              user: {client-certificate: ../pki/admin.pem, client-key: ../pki/admin-key.pem}
            contexts:
            - name: x
              context: {cluster: c, user: u}
            """);

        var conn = KubeConnection.Load(file, null, Env(null), TimeProvider.System);

        Assert.True(conn.Tls.ClientCertificate!.HasPrivateKey);
        Assert.Equal("kubernetes", conn.Tls.ServerName);
        Assert.Single(conn.Tls.CertificateAuthorities!);
    }

    [Fact]
    public void Load_CertificateWithoutKey_NamesMissingField()
    {
        using var dir = new TempDir();
        var (_, certPem, _) = SelfSigned("admin");
        var data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(certPem));
        var file = dir.Write("config", $"current-context: x\nclusters:\n- name: c\n  cluster: {{server: 'https://x'}}\nusers:\n- name: u\n  user: {{client-certificate-data: {data}}}\ncontexts:\n- name: x\n  context: {{cluster: c, user: u}}\n");

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(file, null, Env(null), TimeProvider.System));

        Assert.Equal(file + ": users[0].user.client-key: is required when the other half of the client key pair is set", e.Message);
    }

    [Fact]
    public void Load_AuthProvider_RejectedWithHint()
    {
        using var dir = new TempDir();
        var file = dir.Write("config", "current-context: x\nclusters:\n- name: c\n  cluster: {server: 'https://x'}\nusers:\n- name: u\n  user: {auth-provider: {name: gcp}}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\n");

        var e = Assert.Throws<KubeConfigException>(() => KubeConnection.Load(file, null, Env(null), TimeProvider.System));

        Assert.Contains("users[0].user.auth-provider", e.Message, StringComparison.Ordinal);
        Assert.Contains("use an exec credential plugin", e.Message, StringComparison.Ordinal);
    }

    internal static (string CaPem, string CertPem, string KeyPem) SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + subject, key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certPem = cert.ExportCertificatePem();
        return (certPem, certPem, key.ExportPkcs8PrivateKeyPem());
    }
}

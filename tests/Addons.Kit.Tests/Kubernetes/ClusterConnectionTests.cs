using System.Net;
using System.Text;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>Per-cluster connections: two emulators (a plain hub and an HTTPS edge with RBAC), real HTTP.</summary>
public sealed class ClusterConnectionTests
{
    private const string ReaderRbac = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        rules:
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          verbs: ["get", "list"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: reader}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
        subjects:
        - {kind: ServiceAccount, name: collector, namespace: default}
        """;

    private const string LeaseYaml = """
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata: {name: marker, namespace: default}
        spec: {holderIdentity: NAME}
        """;

    [Fact]
    public async Task ForCluster_TwoClustersHttpsWithCaDataAndRefreshingToken_EachReadsItsOwnObjects()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var hub = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        await using var edge = await KubeApiEmulator.StartAsync(new EmulatorOptions { Https = true }, cts.Token);
        await hub.ApplyYamlAsync(LeaseYaml.Replace("NAME", "hub", StringComparison.Ordinal), cts.Token);
        await edge.ApplyYamlAsync(LeaseYaml.Replace("NAME", "edge", StringComparison.Ordinal) + "\n---\n" + ReaderRbac, cts.Token);
        edge.Rbac.Enabled = true;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new CountingProvider(() => new BearerToken(edge.Rbac.IssueToken("default", "collector"), time.GetUtcNow().AddMinutes(15)));
        var caBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(edge.CaCertificatePem!));

        using var hubApi = new KubeApi(KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri(hub.BaseUrl), Name = "hub" }));
        using var edgeApi = new KubeApi(KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri(edge.BaseUrl), Name = "edge", TokenProvider = tokens, CaData = caBase64 }, time));
        var fromHub = await hubApi.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token);
        var first = await edgeApi.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token);
        var cached = await edgeApi.For(ResourceType.Lease, KubeJson.Lease).ListAsync("default", null, cts.Token);
        var callsBeforeExpiry = tokens.Calls;
        time.Advance(TimeSpan.FromMinutes(14.5));
        var afterRefresh = await edgeApi.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token);

        Assert.Equal("hub", fromHub!.Spec.HolderIdentity);
        Assert.Equal("edge", first!.Spec.HolderIdentity);
        Assert.Single(cached.Items);
        Assert.Equal(1, callsBeforeExpiry);
        Assert.Equal(2, tokens.Calls);
        Assert.Equal("edge", afterRefresh!.Spec.HolderIdentity);
        Assert.Equal("cluster edge", edgeApi.Connection.Description);
    }

    [Fact]
    public async Task ForCluster_TokenRejected_ProviderAskedAgainAfter401()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var edge = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        await edge.ApplyYamlAsync(LeaseYaml.Replace("NAME", "edge", StringComparison.Ordinal) + "\n---\n" + ReaderRbac, cts.Token);
        edge.Rbac.Enabled = true;
        var tokens = new CountingProvider(n => new BearerToken(n == 1 ? "revoked" : edge.Rbac.IssueToken("default", "collector"), DateTimeOffset.MaxValue));
        using var api = new KubeApi(KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri(edge.BaseUrl), TokenProvider = tokens }));
        var leases = api.For(ResourceType.Lease, KubeJson.Lease);

        var rejected = await Assert.ThrowsAsync<KubeApiException>(() => leases.GetAsync("default", "marker", cts.Token));
        var accepted = await leases.GetAsync("default", "marker", cts.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("edge", accepted!.Spec.HolderIdentity);
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task ForCluster_ServerName_VerifiedAgainstCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var edge = await KubeApiEmulator.StartAsync(new EmulatorOptions { Https = true }, cts.Token);
        await edge.ApplyYamlAsync(LeaseYaml.Replace("NAME", "edge", StringComparison.Ordinal), cts.Token);
        KubeApi Connect(string? serverName, bool insecure = false, string? ca = null) => new(KubeConnection.ForCluster(
            new ClusterEndpoint { Server = new Uri(edge.BaseUrl), CaData = ca ?? edge.CaCertificatePem, ServerName = serverName, Insecure = insecure }));
        using var right = Connect("localhost");
        using var wrong = Connect("other.example");
        using var untrusted = Connect(null, ca: UnrelatedCa());
        using var insecure = Connect("other.example", insecure: true, ca: UnrelatedCa());

        var viaName = await right.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token);
        await Assert.ThrowsAsync<HttpRequestException>(() => wrong.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token));
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusted.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token));
        var viaInsecure = await insecure.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "marker", cts.Token);

        Assert.Equal("edge", viaName!.Spec.HolderIdentity);
        Assert.Equal("edge", viaInsecure!.Spec.HolderIdentity);
    }

    [Fact]
    public void FromArgoCdConfig_SecretConfig_FieldsRead()
    {
        var endpoint = ClusterEndpoint.FromArgoCdConfig(
            "https://edge.example:6443",
            """{"bearerToken":"t0k","tlsClientConfig":{"insecure":false,"caData":"Q0E=","serverName":"api.edge"}}""",
            "edge-1");

        Assert.Equal(new Uri("https://edge.example:6443"), endpoint.Server);
        Assert.Equal("t0k", endpoint.BearerToken);
        Assert.Equal("Q0E=", endpoint.CaData);
        Assert.Equal("api.edge", endpoint.ServerName);
        Assert.False(endpoint.Insecure);
        Assert.Equal("edge-1", endpoint.Name);
    }

    [Theory]
    [InlineData("https://e", "{\"bearerToken\":\"secret-abc\"", "cluster e: config is not valid JSON")]
    [InlineData("https://e", "{\"tlsClientConfig\":{\"insecure\":\"yes\"}}", "cluster e: config field insecure must be true or false")]
    [InlineData("ftp://e", "{}", "cluster e: server \"ftp://e\" is not an http(s) URL")]
    public void FromArgoCdConfig_Malformed_FormatExceptionNamesFieldNotSecret(string server, string config, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ClusterEndpoint.FromArgoCdConfig(server, config));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCluster_BadCaOrHalfKeyPair_FormatExceptionNamesField()
    {
        var badCa = Assert.Throws<FormatException>(() => KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri("https://e"), CaData = "not base64!" }));
        var half = Assert.Throws<FormatException>(() => KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri("https://e"), CertData = "x" }));

        Assert.Equal("cluster e: caData is neither PEM nor base64 of PEM", badCa.Message);
        Assert.Equal("cluster e: certData and keyData must be given together", half.Message);
    }

    private static string UnrelatedCa()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=unrelated", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return cert.ExportCertificatePem();
    }

    private sealed class CountingProvider(Func<int, BearerToken> next) : IBearerTokenProvider
    {
        private int _calls;

        public CountingProvider(Func<BearerToken> next)
            : this(_ => next())
        {
        }

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<BearerToken> GetTokenAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(next(Interlocked.Increment(ref _calls)));
    }
}

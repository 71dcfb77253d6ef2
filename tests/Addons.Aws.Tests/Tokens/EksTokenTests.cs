using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Addons.Aws.Credentials;
using Addons.Aws.SigV4;
using Addons.Aws.Tokens;
using Addons.Kit.Testing.Aws;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Tokens;

/// <summary>EKS bearer tokens: shape, refresh, and acceptance by the emulated cluster's Kubernetes API through the STS emulator.</summary>
public sealed class EksTokenTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Token_IsAPresignedGetCallerIdentityForTheCluster()
    {
        var token = EksTokenGenerator.Create(new AwsCredentials("AKIDEXAMPLE", "secret", "session"), new Uri("https://sts.eu-west-1.amazonaws.com"), "eu-west-1", "prod", Start);

        var url = EksTokenAuthenticator.Decode(token.Value)!;
        var query = CanonicalRequest.ParseQuery(url.Query).ToDictionary(p => p.Key, p => p.Value);
        Assert.StartsWith("k8s-aws-v1.", token.Value, StringComparison.Ordinal);
        Assert.DoesNotContain('=', token.Value);
        Assert.Equal("sts.eu-west-1.amazonaws.com", url.Host);
        Assert.Equal(("GetCallerIdentity", "2011-06-15", "60", "host;x-k8s-aws-id"), (query["Action"], query["Version"], query["X-Amz-Expires"], query["X-Amz-SignedHeaders"]));
        Assert.Equal("AKIDEXAMPLE/20260301/eu-west-1/sts/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("session", query["X-Amz-Security-Token"]);
        Assert.Equal(Start + TimeSpan.FromMinutes(14), token.ExpiresAt);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task GetAsync_BeforeAndAfterTheRefreshPoint_ReusesThenMintsANewToken()
    {
        var time = new FakeTimeProvider(Start);
        using var provider = new EksTokenProvider(new StaticCredentialsProvider(new AwsCredentials("AKID", "secret")), new Uri("https://sts.us-east-1.amazonaws.com"), "us-east-1", "demo", time);

        var first = await provider.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(12));
        var reused = await provider.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await provider.GetAsync(CancellationToken.None);

        Assert.Same(first, reused);
        Assert.NotEqual(first.Value, renewed.Value);
        Assert.Equal(time.GetUtcNow() + EksTokenGenerator.Lifetime, renewed.ExpiresAt);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task KubernetesApi_EksToken_IsAuthenticatedAsTheCallerArnAndAuthorizedByRbac()
    {
        await using var aws = await TestAws.StartAsync();
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var demo = new EksTokenAuthenticator(aws, "demo");
        api.Rbac.ExternalTokens = demo.AsKubernetesAuthenticator();
        api.Rbac.Enabled = true;
        var admin = $"arn:aws:iam::{aws.AccountId}:user/emulator-admin";
        await api.ApplyYamlAsync($"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {"{"}name: ns-reader{"}"}
            rules: [{"{"}apiGroups: [""], resources: [namespaces], verbs: [get, list]{"}"}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {"{"}name: ns-reader{"}"}
            roleRef: {"{"}apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ns-reader{"}"}
            subjects: [{"{"}apiGroup: rbac.authorization.k8s.io, kind: User, name: "{admin}"{"}"}]
            """, CancellationToken.None);
        using var http = new HttpClient();
        using var tokens = new EksTokenProvider(new StaticCredentialsProvider(TestAws.Credentials(aws)), new Uri(aws.Endpoint), aws.Region, "demo", TimeProvider.System);
        var otherCluster = EksTokenGenerator.Create(TestAws.Credentials(aws), new Uri(aws.Endpoint), aws.Region, "other", DateTimeOffset.UtcNow);
        var wrongSecret = EksTokenGenerator.Create(new AwsCredentials(aws.AccessKeyId, "wrong"), new Uri(aws.Endpoint), aws.Region, "demo", DateTimeOffset.UtcNow);
        var role = await TestAws.Sts(aws, http).AssumeRoleAsync("arn:aws:iam::999988887777:role/unbound", "kuo", null, null, CancellationToken.None);
        var unbound = EksTokenGenerator.Create(role.Credentials, new Uri(aws.Endpoint), aws.Region, "demo", DateTimeOffset.UtcNow);

        var (listStatus, _) = await GetAsync(http, api.BaseUrl + "/api/v1/namespaces", await tokens.GetTokenAsync(CancellationToken.None));
        var (otherStatus, _) = await GetAsync(http, api.BaseUrl + "/api/v1/namespaces", otherCluster.Value);
        var (wrongStatus, _) = await GetAsync(http, api.BaseUrl + "/api/v1/namespaces", wrongSecret.Value);
        var (unboundStatus, unboundBody) = await GetAsync(http, api.BaseUrl + "/api/v1/namespaces", unbound.Value);

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, otherStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
        Assert.Equal(HttpStatusCode.Forbidden, unboundStatus);
        Assert.Contains("arn:aws:sts::999988887777:assumed-role/unbound/kuo", unboundBody, StringComparison.Ordinal);
        Assert.Contains(aws.Requests, r => r.Operation == "GetCallerIdentity" && r.Method == "GET" && r.Status == 200);
    }

    [Fact(Timeout = TestAws.Timeout)]
    public async Task Authenticate_TokenOlderThanFifteenMinutes_IsRejected()
    {
        var time = new FakeTimeProvider(Start);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time });
        using var demo = new EksTokenAuthenticator(aws, "demo");
        var token = EksTokenGenerator.Create(TestAws.Credentials(aws), new Uri(aws.Endpoint), aws.Region, "demo", Start);

        var fresh = await demo.AuthenticateAsync(token.Value, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(14));
        var late = await demo.AuthenticateAsync(token.Value, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var expired = await demo.AuthenticateAsync(token.Value, CancellationToken.None);

        Assert.NotNull(fresh);
        Assert.NotNull(late);
        Assert.Null(expired);
        Assert.Null(await demo.AuthenticateAsync("k8s-aws-v1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("https://evil.example.com/?Action=GetCallerIdentity")), CancellationToken.None));
    }

    private static async Task<(HttpStatusCode, string)> GetAsync(HttpClient http, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

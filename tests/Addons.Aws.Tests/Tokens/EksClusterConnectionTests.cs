using Addons.Aws.Credentials;
using Addons.Aws.Tokens;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Aws;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Aws.Tests.Tokens;

/// <summary>
/// The composition kuo uses to reach a target cluster: the kit's <see cref="KubeConnection.ForCluster"/> with an
/// <see cref="EksTokenProvider"/> behind <see cref="IBearerTokenProvider"/>, against the Kubernetes emulator that
/// authenticates EKS tokens through the STS emulator (RBAC on).
/// </summary>
public sealed class EksClusterConnectionTests
{
    [Fact(Timeout = TestAws.Timeout)]
    public async Task ForCluster_EksTokenProvider_ReadsAsTheCallerAndMintsANewTokenBeforeExpiry()
    {
        // One fake clock for the token provider, the kit's refresh decision, the STS emulator and the authenticator.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await TestAws.StartAsync(new AwsEmulatorOptions { TimeProvider = time });
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        using var authenticator = new EksTokenAuthenticator(aws, "demo");
        api.Rbac.ExternalTokens = authenticator.AsKubernetesAuthenticator();
        api.Rbac.Enabled = true;
        await api.ApplyYamlAsync($$"""
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: marker, namespace: default}
            spec: {holderIdentity: target}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: lease-reader}
            rules: [{apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: lease-reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: lease-reader}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: "arn:aws:iam::{{aws.AccountId}}:user/emulator-admin"}]
            """, CancellationToken.None);
        using var eks = new EksTokenProvider(new StaticCredentialsProvider(TestAws.Credentials(aws)), new Uri(aws.Endpoint), aws.Region, "demo", time);
        var tokens = new EksBearerTokens(eks);
        using var kube = new KubeApi(KubeConnection.ForCluster(new ClusterEndpoint { Server = new Uri(api.BaseUrl), Name = "demo", TokenProvider = tokens }, time));
        var leases = kube.For(ResourceType.Lease, KubeJson.Lease);

        var first = await leases.GetAsync("default", "marker", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(13) + TimeSpan.FromSeconds(30));
        var second = await leases.GetAsync("default", "marker", CancellationToken.None);

        Assert.Equal("target", first!.Spec.HolderIdentity);
        Assert.Equal("target", second!.Spec.HolderIdentity);
        Assert.Equal(2, tokens.Minted);
        Assert.Equal(2, aws.Requests.Count(r => r.Operation == "GetCallerIdentity" && r.Status == 200));
    }

    /// <summary>The adapter kuo owns: an EKS token as the kit's refreshing bearer token.</summary>
    private sealed class EksBearerTokens(EksTokenProvider eks) : IBearerTokenProvider
    {
        public int Minted { get; private set; }

        public async ValueTask<BearerToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var token = await eks.GetAsync(cancellationToken);
            Minted++;
            return new BearerToken(token.Value, token.ExpiresAt);
        }
    }
}

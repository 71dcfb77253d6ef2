using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class CredentialsEmulatorTests
{
    [Fact]
    public async Task Send_TokenFileRotatedAfter401_NextRequestUsesNewTokenWithoutWaiting()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var emulator = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        emulator.Rbac.Enabled = true;
        using var dir = new TempDir();
        var tokenFile = dir.Write("token", "stale-token");
        var kubeconfig = dir.Write("config", $"""
            current-context: e
            clusters:
            - name: e
              cluster: {"{"}server: "{emulator.BaseUrl}"{"}"}
            users:
            - name: sa
              user: {"{"}tokenFile: token{"}"}
            contexts:
            - name: e
              context: {"{"}cluster: e, user: sa, namespace: default{"}"}
            """);
        var frozenClock = new FakeTimeProvider();
        var connection = KubeConnection.Load(kubeconfig, null, new KubeEnvironment(_ => null, "/nonexistent", null), frozenClock);
        using var api = new KubeApi(connection);
        var leases = api.For(ResourceType.Lease, KubeJson.Lease);

        var unauthorized = await Assert.ThrowsAsync<KubeApiException>(() => leases.GetAsync("default", "x", cts.Token));
        File.WriteAllText(tokenFile, emulator.Rbac.IssueToken("default", "karc"));
        var forbidden = await Assert.ThrowsAsync<KubeApiException>(() => leases.GetAsync("default", "x", cts.Token));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.True(forbidden.IsForbidden);
        Assert.StartsWith("Forbidden: get leases \"x\"", forbidden.Message, StringComparison.Ordinal);
        Assert.Equal("default", api.DefaultNamespace);
    }
}

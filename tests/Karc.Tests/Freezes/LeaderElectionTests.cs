using Addons.Karc.Cli;
using Addons.Karc.Freezes;

namespace Karc.Tests.Freezes;

/// <summary>Two controller replicas on one emulator: only the Lease holder reconciles; the standby takes over when it stops.</summary>
public class LeaderElectionTests
{
    [Fact]
    public async Task TwoReplicas_OneReconciles_StandbyTakesOverOnLeaderStop()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        await ApplyFreezeAsync(cluster, "first", "general");
        using var stopA = new CancellationTokenSource(KarcCluster.Timeout);
        using var stopB = new CancellationTokenSource(KarcCluster.Timeout);
        var a = Start(cluster, "replica-a", stopA.Token);
        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"0"},{"nodes":"20%"}]""", a, stopA.Token);
        var b = Start(cluster, "replica-b", stopB.Token);
        await WaitUntilAsync(() => cluster.Api.Rbac.UsedBy("default", "replica-b").Any(r => r.Resource == "leases"), b, stopB.Token);

        // The standby only competes for the Lease: no discovery-driven probe, no watch, no write.
        Assert.All(cluster.Api.Rbac.UsedBy("default", "replica-b"), r => Assert.True(r.Resource == "leases", $"standby used {r}"));

        await stopA.CancelAsync();
        Assert.Equal(0, await a.WaitAsync(KarcCluster.Timeout));
        await cluster.SeedPoolAsync("gpu", """[{"nodes":"5"}]""");
        await ApplyFreezeAsync(cluster, "second", "gpu");
        await WaitUntilAsync(() => cluster.Budgets("gpu") == """[{"nodes":"0"},{"nodes":"5"}]""", b, stopB.Token);
        Assert.Contains(cluster.Api.Rbac.UsedBy("default", "replica-b"), r => r is { Verb: "patch", Resource: "nodepools" });

        await stopB.CancelAsync();
        Assert.Equal(0, await b.WaitAsync(KarcCluster.Timeout));
    }

    private static Task<int> Start(KarcCluster cluster, string identity, CancellationToken stop)
    {
        // Each replica authenticates as its own ServiceAccount so the emulator can tell who did what (RBAC stays off).
        var kubeconfig = Path.Combine(Path.GetDirectoryName(cluster.Kubeconfig)!, identity);
        cluster.Api.WriteKubeconfig(kubeconfig, "emulator", cluster.Api.Rbac.IssueToken("default", identity));
        var options = KarcSettings.Definition.Parse(
            ["controller", "--kubeconfig", kubeconfig, "--health-port", "0", "--leader-elect=true", "--lease-name", "karc", "--lease-namespace", "default"],
            _ => null);
        return ControllerHost.RunAsync(options, stop);
    }

    private static Task ApplyFreezeAsync(KarcCluster cluster, string name, string pool) =>
        cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodePools\":[\"" + pool + "\"]," +
            "\"window\":{\"start\":\"2020-01-01T00:00:00Z\",\"end\":\"2099-01-01T00:00:00Z\"}}}",
            CancellationToken.None);

    private static async Task WaitUntilAsync(Func<bool> condition, Task host, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.False(host.IsCompleted, "the controller host stopped: " + (host.IsCompleted ? ((Task<int>)host).Result.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
            await Task.Delay(25, cancellationToken);
        }
    }
}

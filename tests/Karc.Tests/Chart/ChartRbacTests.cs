using Addons.Karc.Cli;
using Addons.Karc.Freezes;
using Addons.Kit.Testing;

namespace Karc.Tests.Chart;

/// <summary>
/// The controller runs as the chart's ServiceAccount with only the chart's rendered RBAC (emulator
/// RBAC mode): every call it makes must be allowed, and every rule the chart grants must be used.
/// </summary>
public class ChartRbacTests
{
    [Fact]
    public async Task Controller_WithChartRbac_IsSufficientAndMinimal()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.Api.ApplyYamlAsync(
            await HelmCli.TemplateAsync("charts/karc", "karc", "karc-system", "--show-only", "templates/serviceaccount.yaml", "--show-only", "templates/rbac.yaml"), CancellationToken.None);
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        // The window opens well after start-up: under RBAC the controller first wins the Lease, and on a loaded
        // machine that took longer than the 1 s this used to allow (the window then passed unseen).
        var start = DateTimeOffset.UtcNow.AddSeconds(8);
        await ApplyFreezeAsync(cluster, "soon", start, start.AddSeconds(2));
        cluster.Api.Rbac.Enabled = true;
        var token = cluster.Api.Rbac.IssueToken("karc-system", "karc");
        var kubeconfig = Path.Combine(Path.GetDirectoryName(cluster.Kubeconfig)!, "karc-sa");
        cluster.Api.WriteKubeconfig(kubeconfig, "emulator", token);
        // One conflict on a NodePool write exercises the re-read path (get).
        cluster.Api.Faults.AddError(409, verb: "patch", resource: "nodepools", count: 1);

        using var stop = new CancellationTokenSource(KarcCluster.Timeout);
        var options = KarcSettings.Definition.Parse(
            ["controller", "--kubeconfig", kubeconfig, "--health-port", "0", "--leader-elect=true", "--lease-name", "karc", "--lease-namespace", "karc-system"],
            _ => null);
        var host = ControllerHost.RunAsync(options, stop.Token);

        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"0"},{"nodes":"20%"}]""", host, stop.Token);
        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"20%"}]""", host, stop.Token);
        // The same pause again within 10 minutes: the kit's EventRecorder patches the first Event's series (patch events).
        var again = DateTimeOffset.UtcNow.AddSeconds(1);
        await ApplyFreezeAsync(cluster, "soon", again, again.AddSeconds(30));
        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"0"},{"nodes":"20%"}]""", host, stop.Token);
        await WaitUntilAsync(() => cluster.Api.Rbac.UsedBy("karc-system", "karc").Any(r => r is { Verb: "patch", Resource: "events" }), host, stop.Token);
        await stop.CancelAsync();
        Assert.Equal(0, await host.WaitAsync(KarcCluster.Timeout));

        var used = cluster.Api.Rbac.UsedBy("karc-system", "karc");
        Assert.All(used, r => Assert.True(r.Allowed, $"denied: {r}"));

        var usedKeys = used.Select(r => (r.Verb, r.Group, r.Resource)).ToHashSet();
        var granted = new List<(string Verb, string Group, string Resource)>
        {
            ("get", "karpenter.sh", "nodepools"),
            ("list", "karpenter.sh", "nodepools"),
            ("watch", "karpenter.sh", "nodepools"),
            ("patch", "karpenter.sh", "nodepools"),
            ("list", "karc.io", "consolidationfreezes"),
            ("watch", "karc.io", "consolidationfreezes"),
            ("patch", "karc.io", "consolidationfreezes"),
            ("patch", "karc.io", "consolidationfreezes/status"),
            ("create", "events.k8s.io", "events"),
            ("patch", "events.k8s.io", "events"),
        };
        if (cluster.Api.List("coordination.k8s.io", "v1", "leases", "karc-system").Count > 0)
        {
            // The Role for leader election is proven only when the kit's host ran an election.
            granted.AddRange([("get", "coordination.k8s.io", "leases"), ("create", "coordination.k8s.io", "leases"), ("update", "coordination.k8s.io", "leases")]);
        }

        var unused = granted.Where(g => !usedKeys.Contains(g)).ToList();
        Assert.True(unused.Count == 0, "granted but never used: " + string.Join(", ", unused) + "\nused: " + string.Join(", ", used));

        // The list above must be exactly the chart's rules: any verb the chart grants beyond it fails here.
        foreach (var (verb, group, resource) in granted)
        {
            var ns = resource switch { "leases" => "karc-system", "events" => "default", _ => null };
            Assert.True(cluster.Api.Rbac.IsAllowed("karc-system", "karc", verb, group, resource, ns, resource == "leases" && verb != "create" ? "karc" : null), $"{verb} {group}/{resource} is not granted");
        }

        // Events are recorded in `default` only (the freezes and NodePools they are about are cluster-scoped):
        // creating them anywhere else, or cluster-wide, is not granted.
        foreach (var ns in new string?[] { null, "karc-system", "kube-system" })
        {
            Assert.False(cluster.Api.Rbac.IsAllowed("karc-system", "karc", "create", "events.k8s.io", "events", ns), $"create events in {ns ?? "every namespace"} is granted");
        }

        Assert.Contains(used, r => r is { Verb: "create", Resource: "events", Allowed: true });

        foreach (var (verb, group, resource) in new[]
        {
            ("delete", "karpenter.sh", "nodepools"), ("update", "karpenter.sh", "nodepools"), ("list", "karpenter.sh", "nodeclaims"),
            ("get", "karc.io", "consolidationfreezes"), ("update", "karc.io", "consolidationfreezes"), ("delete", "karc.io", "consolidationfreezes"),
            ("delete", "events.k8s.io", "events"), ("list", "", "secrets"), ("get", "coordination.k8s.io", "leases"),
        })
        {
            Assert.False(cluster.Api.Rbac.IsAllowed("karc-system", "karc", verb, group, resource, resource == "leases" ? "default" : null), $"{verb} {group}/{resource} is granted");
        }

        // Leader election is scoped to karc's own Lease (addon-common): another Lease in the same namespace is out of reach.
        foreach (var verb in new[] { "get", "update", "delete", "list" })
        {
            Assert.False(cluster.Api.Rbac.IsAllowed("karc-system", "karc", verb, "coordination.k8s.io", "leases", "karc-system", "another-lease"), $"{verb} lease another-lease is granted");
        }
    }

    private static Task ApplyFreezeAsync(KarcCluster cluster, string name, DateTimeOffset start, DateTimeOffset end) =>
        cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodePools\":[\"general\"]," +
            $"\"window\":{{\"start\":\"{start:yyyy-MM-ddTHH:mm:ss.fffK}\",\"end\":\"{end:yyyy-MM-ddTHH:mm:ss.fffK}\"}}}}}}",
            CancellationToken.None);

    private static async Task WaitUntilAsync(Func<bool> condition, Task host, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            Assert.False(host.IsCompleted, "the controller host stopped");
            await Task.Delay(25, cancellationToken);
        }
    }
}

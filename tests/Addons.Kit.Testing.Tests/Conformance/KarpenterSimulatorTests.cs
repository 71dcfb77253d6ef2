using Addons.Kit.Testing.Emulator;
using Addons.Kit.Testing.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>The Karpenter simulator as kubectl sees it: delete a NodeClaim, watch the replacement come up and the pods move.</summary>
public sealed class KarpenterSimulatorTests
{
    [Fact]
    public async Task DeleteNodeClaim_Kubectl_ReplacementNodeReadyAndPodsRunningOnIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new EmulatorOptions
        {
            TimeProvider = clock,
            Workloads = new WorkloadSimulation { Nodes = [] },
            Karpenter = new KarpenterSimulation { LaunchDelay = TimeSpan.FromMinutes(1) },
        };
        await using var e = await EmulatorClient.StartAsync(options, timeoutSeconds: 120);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Crds, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Cluster, e.Ct); // seeded: a NodeClaim's status cannot be applied
        var applied = await kubectl.RunWithInputAsync(KarpenterYaml.Workloads, e.Ct, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.Stderr);

        AssertLine(@"^general\s+default\s+1\s+True\s", await kubectl.OkAsync(e.Ct, "get", "nodepools"));
        await kubectl.OkAsync(e.Ct, "annotate", "nodepool", "general", "emulator.addons.io/kubelet-version=v1.35.0");
        await kubectl.OkAsync(e.Ct, "patch", "deployment/web", "-p", "{\"spec\":{\"replicas\":3}}"); // no /scale subresource in the emulator yet
        AssertLine(@"^web\s+1\s+N/A\s+2\s", await kubectl.OkAsync(e.Ct, "get", "pdb", "web"));

        // kubectl delete waits for the NodeClaim to be gone; the PDB holds the drain until a new node runs the evicted pods.
        var deleting = kubectl.RunAsync(e.Ct, "delete", "nodeclaim", "general-7x2kq", "--timeout=60s");
        while (e.Api.Get("", "v1", "nodes", null, KarpenterYaml.NodeName)?["metadata"]?["deletionTimestamp"] is null)
        {
            Assert.False(deleting.IsCompleted, "kubectl delete returned before the node was drained");
            await Task.Delay(50, e.Ct);
        }

        Assert.Contains("Pending", await kubectl.OkAsync(e.Ct, "get", "pods", "-l", "app=web"), StringComparison.Ordinal);
        Assert.False(deleting.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        var deleted = await deleting;
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);

        Assert.Contains("condition met", await kubectl.OkAsync(e.Ct, "wait", "--for=condition=Ready", "nodeclaims", "-l", "karpenter.sh/nodepool=general", "--timeout=30s"), StringComparison.Ordinal);
        var nodes = await kubectl.OkAsync(e.Ct, "get", "nodes", "--no-headers");
        var line = Assert.Single(nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^ip-10-0-\d+-\d+\.ap-northeast-2\.compute\.internal\s+Ready\s+<none>\s+\S+\s+v1\.35\.0$", line);
        var newNode = line.Split(' ')[0];
        Assert.Contains("successfully rolled out", await kubectl.OkAsync(e.Ct, "rollout", "status", "deployment/web", "--timeout=30s"), StringComparison.Ordinal);
        var pods = (await kubectl.OkAsync(e.Ct, "get", "pods", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.spec.nodeName}{\"\\n\"}{end}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, pods.Length); // three web, one agent; the bare pod is gone
        Assert.All(pods, p => Assert.EndsWith($" Running {newNode}", p, StringComparison.Ordinal));
        AssertLine(@"^general\s+default\s+1\s+True\s", await kubectl.OkAsync(e.Ct, "get", "nodepools"));
        AssertLine(@"^web\s+1\s+N/A\s+2\s", await kubectl.OkAsync(e.Ct, "get", "pdb", "web"));
    }

    /// <summary>One line of a kubectl table matches <paramref name="pattern"/>; the whole table is shown otherwise.</summary>
    private static void AssertLine(string pattern, string table) =>
        Assert.True(table.Split('\n').Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, pattern)), $"no line matches {pattern}:\n{table}");
}

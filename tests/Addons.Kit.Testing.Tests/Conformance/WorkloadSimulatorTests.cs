using Addons.Kit.Testing.Emulator;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>The workload simulator as kubectl and helm see it: pods that run, rollouts that finish, jobs that complete.</summary>
public sealed class WorkloadSimulatorTests
{
    private static readonly EmulatorOptions Options = new() { Workloads = new WorkloadSimulation { Nodes = ["node-a", "node-b", "node-c"] } };

    [Fact]
    public async Task Deployment_Applied_RolloutStatusSucceedsAndPodsRunOnNodes()
    {
        await using var e = await EmulatorClient.StartAsync(Options, timeoutSeconds: 90);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.RunWithInputAsync(TestYaml.Deployment, e.Ct, "apply", "-f", "-");

        var rollout = await kubectl.OkAsync(e.Ct, "rollout", "status", "deployment/web", "--timeout=30s");
        Assert.Contains("successfully rolled out", rollout, StringComparison.Ordinal);
        var pods = await kubectl.OkAsync(e.Ct, "get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.status.phase} {.spec.nodeName}{\"\\n\"}{end}");
        var lines = pods.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("Running node-", l, StringComparison.Ordinal));
        var table = await kubectl.OkAsync(e.Ct, "get", "deployment", "web");
        Assert.Contains("2/2", table, StringComparison.Ordinal);
        Assert.Contains("1/1     Running", await kubectl.OkAsync(e.Ct, "get", "pods"), StringComparison.Ordinal);

        await kubectl.OkAsync(e.Ct, "set", "image", "deployment/web", "web=nginx:2");
        Assert.Contains("successfully rolled out", await kubectl.OkAsync(e.Ct, "rollout", "status", "deployment/web", "--timeout=30s"), StringComparison.Ordinal);
        var images = await kubectl.OkAsync(e.Ct, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        Assert.Equal("nginx:2 nginx:2", images);
        Assert.Contains("2", await kubectl.OkAsync(e.Ct, "get", "deployment", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_Started_ReadyWithKubeletVersion()
    {
        await using var e = await EmulatorClient.StartAsync(Options, timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        var nodes = await kubectl.OkAsync(e.Ct, "get", "nodes");

        Assert.Equal(3, nodes.Split('\n').Count(l => l.Contains(" Ready ", StringComparison.Ordinal) && l.Contains("v1.34.2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DaemonSetAndPdb_Applied_OnePodPerNodeAndDisruptionsCounted()
    {
        await using var e = await EmulatorClient.StartAsync(Options, timeoutSeconds: 90);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.OkAsync(e.Ct, "cordon", "node-c");
        var result = await kubectl.RunWithInputAsync("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: agent, image: agent:1}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: agent}
            spec:
              minAvailable: 1
              selector: {matchLabels: {app: agent}}
            """, e.Ct, "apply", "-f", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);

        Assert.Contains("successfully rolled out", await kubectl.OkAsync(e.Ct, "rollout", "status", "daemonset/agent", "--timeout=30s"), StringComparison.Ordinal);
        Assert.Equal("node-a node-b", await kubectl.OkAsync(e.Ct, "get", "pods", "-l", "app=agent", "--sort-by=.spec.nodeName", "-o", "jsonpath={.items[*].spec.nodeName}"));
        Assert.Equal("2 2", await kubectl.OkAsync(e.Ct, "get", "ds", "agent", "-o", "jsonpath={.status.desiredNumberScheduled} {.status.numberReady}"));
        Assert.Equal("1 2 1", await kubectl.OkAsync(e.Ct, "get", "pdb", "agent", "-o", "jsonpath={.status.disruptionsAllowed} {.status.expectedPods} {.status.desiredHealthy}"));

        await kubectl.OkAsync(e.Ct, "uncordon", "node-c");
        Assert.Equal("3", await kubectl.OkAsync(e.Ct, "get", "ds", "agent", "-o", "jsonpath={.status.numberReady}"));
        Assert.Equal("2", await kubectl.OkAsync(e.Ct, "get", "pdb", "agent", "-o", "jsonpath={.status.disruptionsAllowed}"));
    }

    [Fact]
    public async Task JobFromCronJob_Created_CompletesWithSucceededPod()
    {
        await using var e = await EmulatorClient.StartAsync(Options, timeoutSeconds: 90);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.OkAsync(e.Ct, "create", "cronjob", "nightly", "--image=busybox", "--schedule=0 3 * * *", "--", "true");

        await kubectl.OkAsync(e.Ct, "create", "job", "nightly-now", "--from=cronjob/nightly");

        Assert.Contains("condition met", await kubectl.OkAsync(e.Ct, "wait", "--for=condition=complete", "job/nightly-now", "--timeout=30s"), StringComparison.Ordinal);
        Assert.Equal("Succeeded", await kubectl.OkAsync(e.Ct, "get", "pods", "-l", "job-name=nightly-now", "-o", "jsonpath={.items[*].status.phase}"));
        Assert.Contains("1/1", await kubectl.OkAsync(e.Ct, "get", "job", "nightly-now"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelmInstall_KarcAndCleanerCharts_PodsRunning()
    {
        await using var e = await EmulatorClient.StartAsync(Options, timeoutSeconds: 120);
        using var kubectl = new Kubectl(e.Api);
        foreach (var chart in new[] { "karc", "cleaner" })
        {
            // A prepared copy of the chart: addon-common vendored, the checkout untouched.
            var install = await kubectl.HelmAsync(e.Ct, "install", chart, await HelmCli.PrepareAsync($"charts/{chart}"), "--namespace", "addons", "--create-namespace", "--wait", "--timeout", "60s");
            Assert.True(install.ExitCode == 0, install.Stderr);
        }

        Assert.Contains("successfully rolled out", await kubectl.OkAsync(e.Ct, "rollout", "status", "-n", "addons", "deployment/karc", "--timeout=30s"), StringComparison.Ordinal);
        Assert.Contains("successfully rolled out", await kubectl.OkAsync(e.Ct, "rollout", "status", "-n", "addons", "daemonset/cleaner", "--timeout=30s"), StringComparison.Ordinal);
        var phases = await kubectl.OkAsync(e.Ct, "get", "pods", "-n", "addons", "-o", "jsonpath={.items[*].status.phase}");
        var running = phases.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(running.Length >= 4, phases);
        Assert.All(running, p => Assert.Equal("Running", p));
    }
}

using System.Net;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Testing.Tests.Emulator;

/// <summary>The Karpenter simulator on a fake clock: termination, PDB-respecting drain, replacement, NodePool status.</summary>
public sealed class KarpenterSimulatorTests
{
    private const string NodeClaims = "/apis/karpenter.sh/v1/nodeclaims";

    private static (EmulatorOptions Options, FakeTimeProvider Clock, KarpenterSimulation Karpenter) Setup()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var karpenter = new KarpenterSimulation { LaunchDelay = TimeSpan.FromSeconds(30) };
        return (new EmulatorOptions { TimeProvider = clock, Workloads = new WorkloadSimulation { Nodes = [] }, Karpenter = karpenter }, clock, karpenter);
    }

    [Fact]
    public async Task SeededNodeClaim_Adopted_FinalizersAndPoolStatus()
    {
        var (options, _, _) = Setup();
        await using var e = await EmulatorClient.StartAsync(options);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Crds, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Cluster, e.Ct);

        var claim = e.Api.Get("karpenter.sh", "v1", "nodeclaims", null, "general-7x2kq")!;
        var node = e.Api.Get("", "v1", "nodes", null, KarpenterYaml.NodeName)!;
        var pool = e.Api.Get("karpenter.sh", "v1", "nodepools", null, "general")!;

        Assert.Equal("karpenter.sh/termination", claim["metadata"]!["finalizers"]![0]!.ToString());
        Assert.Equal("karpenter.sh/termination", node["metadata"]!["finalizers"]![0]!.ToString());
        Assert.StartsWith("aws:///ap-northeast-2a/i-", claim["status"]!["providerID"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("1", pool["status"]!["resources"]!["nodes"]!.ToString());
        Assert.Equal(1, (int)pool["status"]!["nodes"]!);
        Assert.Equal("4", pool["status"]!["resources"]!["cpu"]!.ToString());
        Assert.Contains(pool["status"]!["conditions"]!.AsArray(), c => c!["type"]!.ToString() == "Ready" && c["status"]!.ToString() == "True");
    }

    [Fact]
    public async Task NodeClaimDeleted_DrainRespectsPdbThenReplacementLaunchesAfterDelay()
    {
        var (options, clock, karpenter) = Setup();
        await using var e = await EmulatorClient.StartAsync(options);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Crds, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Cluster, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Workloads, e.Ct);
        Assert.All(e.Api.List("", "v1", "pods", "default"), p => Assert.Equal(KarpenterYaml.NodeName, p["spec"]!["nodeName"]!.ToString()));
        karpenter.KubeletVersion = "v1.35.0";

        var (status, _) = await e.DeleteAsync(NodeClaims + "/general-7x2kq");

        Assert.Equal(HttpStatusCode.OK, status);
        // The PDB allows one disruption: one web pod was evicted and waits Pending for a node; the other holds the drain.
        Assert.NotNull(e.Api.Get("karpenter.sh", "v1", "nodeclaims", null, "general-7x2kq")?["metadata"]?["deletionTimestamp"]);
        Assert.NotNull(e.Api.Get("", "v1", "nodes", null, KarpenterYaml.NodeName)?["metadata"]?["deletionTimestamp"]);
        var web = e.Api.List("", "v1", "pods", "default").Where(p => p["metadata"]!["labels"]?["app"]?.ToString() == "web").ToList();
        Assert.Equal(2, web.Count);
        Assert.Single(web, p => p["spec"]!["nodeName"] is null);
        Assert.Null(e.Api.Get("", "v1", "pods", "default", "bare"));
        var replacement = Assert.Single(e.Api.List("karpenter.sh", "v1", "nodeclaims"), c => c["metadata"]!["name"]!.ToString() != "general-7x2kq");
        Assert.Null(replacement["status"]?["nodeName"]);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(e.Api.List("", "v1", "nodes"));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(e.Api.Get("karpenter.sh", "v1", "nodeclaims", null, "general-7x2kq"));
        Assert.Null(e.Api.Get("", "v1", "nodes", null, KarpenterYaml.NodeName));
        var node = Assert.Single(e.Api.List("", "v1", "nodes"));
        var newName = node["metadata"]!["name"]!.ToString();
        Assert.Equal("v1.35.0", node["status"]!["nodeInfo"]!["kubeletVersion"]!.ToString());
        Assert.Equal("general", node["metadata"]!["labels"]!["karpenter.sh/nodepool"]!.ToString());
        Assert.EndsWith(".ap-northeast-2.compute.internal", newName, StringComparison.Ordinal);
        Assert.Equal(newName, e.Api.Get("karpenter.sh", "v1", "nodeclaims", null, replacement["metadata"]!["name"]!.ToString())!["status"]!["nodeName"]!.ToString());
        var pods = e.Api.List("", "v1", "pods", "default");
        Assert.Equal(3, pods.Count); // two web, one agent; the bare pod is gone for good
        Assert.All(pods, p => Assert.Equal((newName, "Running"), (p["spec"]!["nodeName"]!.ToString(), p["status"]!["phase"]!.ToString())));
        Assert.Equal("1", e.Api.Get("karpenter.sh", "v1", "nodepools", null, "general")!["status"]!["resources"]!["nodes"]!.ToString());
    }

    [Fact]
    public async Task KubeletVersionAnnotation_OnNodePool_WinsOverSetting()
    {
        var (options, clock, _) = Setup();
        await using var e = await EmulatorClient.StartAsync(options);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Crds, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Cluster.Replace("metadata: {name: general}", "metadata: {name: general, annotations: {emulator.addons.io/kubelet-version: v1.36.1}}", StringComparison.Ordinal), e.Ct);

        await e.DeleteAsync(NodeClaims + "/general-7x2kq");
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("v1.36.1", Assert.Single(e.Api.List("", "v1", "nodes"))["status"]!["nodeInfo"]!["kubeletVersion"]!.ToString());
    }

    [Fact]
    public async Task NodeDeleted_ItsNodeClaimIsDeletedAndReplaced()
    {
        var (options, clock, _) = Setup();
        await using var e = await EmulatorClient.StartAsync(options);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Crds, e.Ct);
        await e.Api.ApplyYamlAsync(KarpenterYaml.Cluster, e.Ct);

        await e.DeleteAsync("/api/v1/nodes/" + KarpenterYaml.NodeName);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(e.Api.Get("karpenter.sh", "v1", "nodeclaims", null, "general-7x2kq"));
        var claim = Assert.Single(e.Api.List("karpenter.sh", "v1", "nodeclaims"));
        Assert.StartsWith("general-", claim["metadata"]!["name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Assert.Single(e.Api.List("", "v1", "nodes"))["metadata"]!["name"]!.ToString(), claim["status"]!["nodeName"]!.ToString());
    }
}

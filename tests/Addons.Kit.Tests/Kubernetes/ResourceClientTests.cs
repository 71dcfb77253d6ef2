using System.Net;
using Addons.Kit.Kubernetes.Client;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class ResourceClientTests
{
    [Fact]
    public async Task Crud_Lease_RoundTripsThroughEmulator()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);

        var created = await leases.CreateAsync(Lease.Of("default", "a", rv: "", holder: "me"), cts.Token);
        var read = await leases.GetAsync("default", "a", cts.Token);
        read!.Spec.HolderIdentity = "you";
        var replaced = await leases.ReplaceAsync(read, cts.Token);
        var patched = await leases.PatchAsync("default", "a", KubePatch.Merge("""{"spec":{"leaseTransitions":3}}"""), cts.Token);
        var deleted = await leases.DeleteAsync("default", "a", cts.Token);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal("Lease", read.Kind);
        Assert.Equal("you", replaced.Spec.HolderIdentity);
        Assert.Equal(3, patched.Spec.LeaseTransitions);
        Assert.Equal("you", patched.Spec.HolderIdentity);
        Assert.True(deleted);
        Assert.Null(await leases.GetAsync("default", "a", cts.Token));
        Assert.False(await leases.DeleteAsync("default", "a", cts.Token));
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_ThrowsConflictFromStatusBody()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        var created = await leases.CreateAsync(Lease.Of("default", "c", rv: ""), cts.Token);
        await leases.PatchAsync("default", "c", KubePatch.Merge("""{"spec":{"holderIdentity":"x"}}"""), cts.Token);

        var e = await Assert.ThrowsAsync<KubeApiException>(() => leases.ReplaceAsync(created, cts.Token));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Equal("Conflict", e.Reason);
        Assert.Equal("update", e.Verb);
        Assert.Equal("leases", e.Resource);
        Assert.StartsWith("Conflict: update leases \"c\": ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_JsonPatchWithTest_FailsWhenTestFails()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        await leases.CreateAsync(Lease.Of("default", "j", rv: "", holder: "a"), cts.Token);

        var ok = await leases.PatchAsync("default", "j", KubePatch.Json("""[{"op":"test","path":"/spec/holderIdentity","value":"a"},{"op":"replace","path":"/spec/holderIdentity","value":"b"}]"""), cts.Token);
        var e = await Assert.ThrowsAsync<KubeApiException>(() => leases.PatchAsync("default", "j", KubePatch.Json("""[{"op":"test","path":"/spec/holderIdentity","value":"a"}]"""), cts.Token));

        Assert.Equal("b", ok.Spec.HolderIdentity);
        Assert.Equal("patch", e.Verb);
    }

    [Fact]
    public async Task Patch_ServerSideApply_CreatesThenUpdatesWithFieldManager()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        const string Doc = "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: ssa, namespace: default}\nspec: {holderIdentity: HOLDER}\n";

        var created = await leases.PatchAsync("default", "ssa", KubePatch.Apply(Doc.Replace("HOLDER", "one", StringComparison.Ordinal), "kit-test", force: true), cts.Token);
        var updated = await leases.PatchAsync("default", "ssa", KubePatch.Apply(Doc.Replace("HOLDER", "two", StringComparison.Ordinal), "kit-test", force: true), cts.Token);

        Assert.Equal("one", created.Spec.HolderIdentity);
        Assert.Equal("two", updated.Spec.HolderIdentity);
        Assert.Contains(h.Requests, r => r.StartsWith("PATCH /apis/coordination.k8s.io/v1/namespaces/default/leases/ssa?fieldManager=kit-test&force=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_StrategicMerge_OnBuiltInKind()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        await leases.CreateAsync(Lease.Of("default", "smp", rv: "", holder: "a"), cts.Token);

        var patched = await leases.PatchAsync("default", "smp", KubePatch.Strategic("""{"spec":{"leaseTransitions":2}}"""), cts.Token);

        Assert.Equal(2, patched.Spec.LeaseTransitions);
        Assert.Equal("a", patched.Spec.HolderIdentity);
    }

    [Fact]
    public async Task List_PageSizeTwo_FollowsContinueToTheEnd()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        for (var i = 0; i < 5; i++)
        {
            await leases.CreateAsync(Lease.Of("default", "p" + i, rv: ""), cts.Token);
        }

        var list = await leases.ListAsync("default", new ListOptions { PageSize = 2 }, cts.Token);

        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], list.Items.Select(l => l.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.All(list.Items, l => Assert.Equal("Lease", l.Kind));
        Assert.False(string.IsNullOrEmpty(list.ResourceVersion));
        var lists = h.Requests.Where(r => r.StartsWith("GET /apis/coordination.k8s.io/v1/namespaces/default/leases?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, r => Assert.Contains("limit=2", r, StringComparison.Ordinal));
        Assert.Equal(2, lists.Count(r => r.Contains("continue=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_InjectedForbidden_ExceptionCarriesVerbAndResource()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        h.Emulator.Faults.AddError(403, verb: "patch", resource: "leases");

        var e = await Assert.ThrowsAsync<KubeApiException>(() => leases.PatchAsync("default", "x", KubePatch.Merge("{}"), cts.Token));

        Assert.True(e.IsForbidden);
        Assert.Contains("patch leases \"x\"", e.Message, StringComparison.Ordinal);
    }
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class StoreTests
{
    [Fact]
    public void Replace_AfterChanges_ReportsAddsUpdatesDeletesAndRecreations()
    {
        var store = new Store<V1Lease>();
        store.Replace([Lease.Of("ns", "same"), Lease.Of("ns", "changed"), Lease.Of("ns", "gone"), Lease.Of("ns", "recreated")]);

        var changes = store.Replace([
            Lease.Of("ns", "same"),
            Lease.Of("ns", "changed", rv: "2"),
            Lease.Of("ns", "new", rv: "3"),
            Lease.Of("ns", "recreated", rv: "4", uid: "other"),
        ]);

        var summary = changes.Select(c => c.Type + ":" + c.Object.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Added:new", "Added:recreated", "Deleted:gone", "Deleted:recreated", "Modified:changed"], summary);
        Assert.Equal("1", changes.Single(c => c.Type == WatchEventType.Modified).Previous!.Metadata.ResourceVersion);
        Assert.Equal(4, store.Count);
        Assert.Null(store.Get("ns", "gone"));
        Assert.Equal("3", store.Get("ns", "new")!.Metadata.ResourceVersion);
    }

    [Fact]
    public void KeyOf_NamespacedAndClusterScoped_FollowsNsSlashName()
    {
        Assert.Equal("ns/a", Store<V1Lease>.KeyOf(Lease.Of("ns", "a")));
        Assert.Equal("node-1", Store<V1Lease>.KeyOf(null, "node-1"));
    }

    [Fact]
    public async Task WaitForSync_CompletesWhenMarked()
    {
        var store = new Store<V1Lease>();
        var wait = store.WaitForSyncAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        store.MarkSynced();

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(store.HasSynced);
    }
}

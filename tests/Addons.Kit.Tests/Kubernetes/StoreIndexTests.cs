using Addons.Kit.Kubernetes.Watching;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class StoreIndexTests
{
    private static V1Lease Labelled(string ns, string name, string? team, string rv = "1")
    {
        var lease = Lease.Of(ns, name, rv, holder: "h-" + name);
        lease.Metadata.Labels = team is null ? null : new Dictionary<string, string> { ["team"] = team };
        return lease;
    }

    [Fact]
    public void ByIndex_SetUpdateRemove_IndexFollowsObjects()
    {
        var store = new Store<V1Lease>();
        store.AddIndex("team", StoreIndex.Label<V1Lease>("team"));
        store.Set(Labelled("a", "1", "red"));
        store.Set(Labelled("a", "2", "red"));
        store.Set(Labelled("b", "3", "blue"));
        store.Set(Labelled("b", "4", null));

        var redBefore = store.ByIndex("team", "red").Select(l => l.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        store.Set(Labelled("a", "2", "blue", rv: "2"));
        store.Remove(Labelled("b", "3", "blue"));

        Assert.Equal(["1", "2"], redBefore);
        Assert.Equal(["1"], store.ByIndex("team", "red").Select(l => l.Metadata.Name));
        Assert.Equal(["2"], store.ByIndex("team", "blue").Select(l => l.Metadata.Name));
        Assert.Empty(store.ByIndex("team", "green"));
    }

    [Fact]
    public void AddIndex_AfterObjectsAndAcrossReplace_IndexesExistingAndRebuilds()
    {
        var store = new Store<V1Lease>();
        store.Replace([Labelled("a", "1", "red"), Labelled("b", "2", "red")]);
        store.AddIndex("ns", StoreIndex.Namespace<V1Lease>());
        store.AddIndex("holder", StoreIndex.Field<V1Lease>(l => l.Spec?.HolderIdentity));

        var before = store.ByIndex("ns", "a").Count;
        store.Replace([Labelled("b", "2", "red"), Labelled("b", "5", "red")]);

        Assert.Equal(1, before);
        Assert.Empty(store.ByIndex("ns", "a"));
        Assert.Equal(2, store.ByIndex("ns", "b").Count);
        Assert.Equal(["5"], store.ByIndex("holder", "h-5").Select(l => l.Metadata.Name));
        Assert.Single(store.List(l => l.Metadata.Name == "5"));
    }

    [Fact]
    public void ByIndex_UnknownOrDuplicateIndex_ArgumentException()
    {
        var store = new Store<V1Lease>();
        store.AddIndex("team", StoreIndex.Label<V1Lease>("team"));

        Assert.Throws<ArgumentException>(() => store.ByIndex("nope", "x"));
        Assert.Throws<ArgumentException>(() => store.AddIndex("team", StoreIndex.Namespace<V1Lease>()));
    }
}

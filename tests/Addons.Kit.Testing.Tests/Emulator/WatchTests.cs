using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class WatchTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.ToString();

    [Fact]
    public async Task Watch_FromListResourceVersion_SeesAddModifyDeleteInOrder()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, list) = await e.GetAsync(ConfigMaps);
        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={Rv(list!)}");

        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        await e.PatchAsync(ConfigMaps + "/a", JsonNode.Parse("""{"data":{"k":"2"}}""")!, "application/merge-patch+json");
        await e.DeleteAsync(ConfigMaps + "/a");

        var types = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            types.Add((await watch.NextAsync(e.Ct))!.Value.Type);
        }

        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], types);
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdded()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        await using var watch = await WatchReader.OpenAsync(e, ConfigMaps + "?watch=1");

        var first = await watch.NextAsync(e.Ct);

        Assert.Equal("ADDED", first!.Value.Type);
        Assert.Equal("a", first.Value.Object["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Watch_ResumeFromResourceVersion_ReplaysOnlyLaterChanges()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, a) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("b"));
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("c"));

        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={Rv(a!)}");
        var b = await watch.NextAsync(e.Ct);
        var c = await watch.NextAsync(e.Ct);

        Assert.Equal("b", b!.Value.Object["metadata"]!["name"]!.ToString());
        Assert.Equal("c", c!.Value.Object["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Watch_ResourceVersionOlderThanHistory_GetsExpiredErrorEvent()
    {
        await using var e = await EmulatorClient.StartAsync(new EmulatorOptions { WatchHistorySize = 5 });
        var (_, first) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("first"));
        for (var i = 0; i < 10; i++)
        {
            await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap($"cm-{i}"));
        }

        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={Rv(first!)}");
        var error = await watch.NextAsync(e.Ct);
        var end = await watch.NextAsync(e.Ct);

        Assert.Equal("ERROR", error!.Value.Type);
        Assert.Equal(410, error.Value.Object["code"]!.GetValue<int>());
        Assert.Equal("Expired", error.Value.Object["reason"]!.ToString());
        Assert.Null(end);
    }

    [Fact]
    public async Task Watch_RelistAfter410_ThenWatchFromNewListSeesNewChanges()
    {
        await using var e = await EmulatorClient.StartAsync(new EmulatorOptions { WatchHistorySize = 2 });
        var (_, list) = await e.GetAsync(ConfigMaps);
        for (var i = 0; i < 5; i++)
        {
            await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap($"cm-{i}"));
        }

        await using (var stale = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={Rv(list!)}"))
        {
            Assert.Equal("ERROR", (await stale.NextAsync(e.Ct))!.Value.Type);
        }

        var (_, relist) = await e.GetAsync(ConfigMaps);
        Assert.Equal(5, relist!["items"]!.AsArray().Count);
        await using var fresh = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={Rv(relist)}");
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("late"));

        var next = await fresh.NextAsync(e.Ct);
        Assert.Equal("late", next!.Value.Object["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectLeavingSelectorArrivesAsDeleted()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, list) = await e.GetAsync(ConfigMaps);
        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&labelSelector=app%3Dweb&resourceVersion={Rv(list!)}");

        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("other"));
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a", labels: new() { ["app"] = "web" }));
        await e.PatchAsync(ConfigMaps + "/a", JsonNode.Parse("""{"metadata":{"labels":{"app":"db"}}}""")!, "application/merge-patch+json");

        var added = await watch.NextAsync(e.Ct);
        var left = await watch.NextAsync(e.Ct);
        Assert.Equal(("ADDED", "a"), (added!.Value.Type, added.Value.Object["metadata"]!["name"]!.ToString()));
        Assert.Equal(("DELETED", "a"), (left!.Value.Type, left.Value.Object["metadata"]!["name"]!.ToString()));
    }

    [Fact]
    public async Task Watch_Bookmarks_CarryCurrentResourceVersion()
    {
        await using var e = await EmulatorClient.StartAsync(new EmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) });
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var (_, list) = await e.GetAsync(ConfigMaps);
        await e.PostAsync("/api/v1/namespaces/default/secrets", JsonNode.Parse("""{"metadata":{"name":"s"}}""")!);
        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&allowWatchBookmarks=true&resourceVersion={Rv(list!)}");

        var bookmark = await watch.NextAsync(e.Ct);

        Assert.Equal("BOOKMARK", bookmark!.Value.Type);
        Assert.Equal(e.Api.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Rv(bookmark.Value.Object));
        Assert.Equal("ConfigMap", bookmark.Value.Object["kind"]!.ToString());
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStream()
    {
        await using var e = await EmulatorClient.StartAsync();
        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion=1&timeoutSeconds=1");

        Assert.Null(await watch.NextAsync(e.Ct));
    }

    [Fact]
    public async Task Watch_SendInitialEvents_EndsInitialListWithAnnotatedBookmark()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        await using var watch = await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");

        var added = await watch.NextAsync(e.Ct);
        var bookmark = await watch.NextAsync(e.Ct);

        Assert.Equal("ADDED", added!.Value.Type);
        Assert.Equal("BOOKMARK", bookmark!.Value.Type);
        Assert.Equal("true", bookmark.Value.Object["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.ToString());
    }
}

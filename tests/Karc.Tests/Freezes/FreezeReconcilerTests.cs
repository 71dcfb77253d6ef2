using Addons.Karc.Freezes;

namespace Karc.Tests.Freezes;

public class FreezeReconcilerTests
{
    // Thursday 26 Nov 2026 12:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private const string Paused = """[{"nodes":"0"},{"nodes":"20%"}]""";
    private const string Unpaused = """[{"nodes":"20%"}]""";

    private static string Window(string pools, DateTimeOffset start, DateTimeOffset end, bool suspend = false) =>
        $$"""{"nodePools":{{pools}},"window":{"start":"{{start:yyyy-MM-ddTHH:mm:ssK}}","end":"{{end:yyyy-MM-ddTHH:mm:ssK}}"},"suspend":{{(suspend ? "true" : "false")}}}""";

    [Fact]
    public async Task Reconcile_WindowStartsThenEnds_PausesThenResumesAtExactTransitions()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.Cluster.SeedPoolAsync("other", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now.AddHours(1), Now.AddHours(3)));

        var before = await h.ReconcileAsync("release");
        Assert.Equal(TimeSpan.FromHours(1), before.RequeueAfter);
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
        var freeze = await h.GetAsync("release");
        Assert.Contains(FreezeReconciler.Finalizer, freeze!.Metadata.Finalizers!);
        Assert.False(freeze.Status!.Active);
        Assert.Equal("2026-11-26T13:00:00Z", freeze.Status.NextTransition);

        h.Time.Advance(TimeSpan.FromHours(1));
        var during = await h.ReconcileAsync("release");
        Assert.Equal(TimeSpan.FromHours(2), during.RequeueAfter);
        Assert.Equal(Paused, h.Cluster.Budgets("general"));
        Assert.Equal("release", h.Holders("general"));
        Assert.Equal(Unpaused, h.Cluster.Budgets("other"));
        freeze = await h.GetAsync("release");
        Assert.True(freeze!.Status!.Active);
        Assert.Equal(["general"], freeze.Status.PausedNodePools);
        Assert.Contains(freeze.Status.Conditions, c => c is { Type: "Active", Status: "True" });

        h.Time.Advance(TimeSpan.FromHours(2));
        var after = await h.ReconcileAsync("release");
        Assert.Null(after.RequeueAfter);
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
        Assert.Null(h.Holders("general"));
        freeze = await h.GetAsync("release");
        Assert.False(freeze!.Status!.Active);
        Assert.Empty(freeze.Status.PausedNodePools);
    }

    [Fact]
    public async Task Reconcile_OneOffWindowEnded_StatusEndedAndNextTransitionCleared()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(2)));
        await h.ReconcileAsync("release");
        Assert.Equal("2026-11-26T14:00:00Z", (await h.GetAsync("release"))!.Status!.NextTransition);

        h.Time.Advance(TimeSpan.FromHours(2));
        var after = await h.ReconcileAsync("release");

        Assert.Null(after.RequeueAfter);
        var freeze = await h.GetAsync("release");
        Assert.Null(freeze!.Status!.NextTransition);
        Assert.Contains(freeze.Status.Conditions, c => c is { Type: "Active", Status: "False", Reason: "Ended" });
        Assert.Null(h.Cluster.Api.Get("karc.io", "v1alpha1", "consolidationfreezes", null, "release")!["status"]!["nextTransition"]);
    }

    [Fact]
    public async Task Reconcile_TwoOverlappingFreezes_PoolResumesOnlyWhenBothEnd()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("a", Window("""["general"]""", Now, Now.AddHours(2)));
        await h.ApplyFreezeAsync("b", Window("""["*"]""", Now.AddHours(1), Now.AddHours(3)));

        await h.ReconcileAsync("a");
        await h.ReconcileAsync("b");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));
        Assert.Equal("a", h.Holders("general"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.ReconcileAsync("b");
        Assert.Equal("a,b", h.Holders("general"));
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.ReconcileAsync("a");
        Assert.Equal("b", h.Holders("general"));
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.ReconcileAsync("b");
        Assert.Null(h.Holders("general"));
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
    }

    [Fact]
    public async Task Reconcile_ManualPause_IsKeptWhenFreezeEnds()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        Assert.Equal(0, (await h.Cluster.RunAsync(["pause", "general", "--yes"])).ExitCode);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(1)));

        await h.ReconcileAsync("release");
        Assert.Null(h.Holders("general"));
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.ReconcileAsync("release");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));
    }

    [Fact]
    public async Task Reconcile_UserZeroBudgetWithReasons_IsNotTouched()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", """[{"nodes":"0","reasons":["Underutilized"]}]""");
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(1)));

        await h.ReconcileAsync("release");
        Assert.Equal("""[{"nodes":"0"},{"nodes":"0","reasons":["Underutilized"]}]""", h.Cluster.Budgets("general"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.ReconcileAsync("release");
        Assert.Equal("""[{"nodes":"0","reasons":["Underutilized"]}]""", h.Cluster.Budgets("general"));
    }

    [Fact]
    public async Task Reconcile_DeletedMidWindow_ReleasesPoolsThenFinalizerGoes()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        Assert.True(await h.Freezes.DeleteAsync(null, "release", CancellationToken.None));
        Assert.NotNull((await h.GetAsync("release"))!.Metadata.DeletionTimestamp);
        await h.ReconcileAsync("release");

        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
        Assert.Null(h.Holders("general"));
        Assert.Null(await h.GetAsync("release"));
    }

    [Fact]
    public async Task Reconcile_Suspend_ReleasesAndResumeHoldsAgain()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5), suspend: true));
        await h.ReconcileAsync("release");
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
        var freeze = await h.GetAsync("release");
        Assert.Contains(freeze!.Status!.Conditions, c => c is { Type: "Active", Status: "False", Reason: "Suspended" });

        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));
    }

    [Theory]
    [InlineData("""{"nodePools":["general"]}""", "InvalidWindow")]
    [InlineData("""{"nodePools":[],"window":{"start":"2026-11-26T00:00:00Z","end":"2026-11-27T00:00:00Z"}}""", "InvalidNodePools")]
    [InlineData("""{"nodePools":["general"],"window":{"start":"2026-11-27T00:00:00Z","end":"2026-11-26T00:00:00Z"}}""", "InvalidWindowEnd")]
    [InlineData("""{"nodePools":["general"],"window":{"start":"tomorrow","end":"2026-11-26T00:00:00Z"}}""", "InvalidWindowStart")]
    [InlineData("""{"nodePools":["general"],"window":{"start":"2026-11-26T00:00:00","end":"2026-11-27T00:00:00Z"}}""", "InvalidWindowStart")]
    [InlineData("""{"nodePools":["general"],"schedule":{"cron":"0 18 * * 5","duration":"60h","timeZone":"KST"}}""", "InvalidScheduleTimeZone")]
    [InlineData("""{"nodePools":["general"],"schedule":{"cron":"whenever","duration":"60h"}}""", "InvalidScheduleCron")]
    [InlineData("""{"nodePools":["general"],"schedule":{"cron":"0 18 * * 5","duration":"long"}}""", "InvalidScheduleDuration")]
    public async Task Reconcile_InvalidSpec_ReadyFalseNamingTheField(string spec, string reason)
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("bad", spec);

        var result = await h.ReconcileAsync("bad");

        Assert.Null(result.RequeueAfter);
        var ready = Assert.Single((await h.GetAsync("bad"))!.Status!.Conditions, c => c.Type == "Ready");
        Assert.Equal("False", ready.Status);
        Assert.Equal(reason, ready.Reason);
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
    }

    [Fact]
    public async Task Reconcile_RecurringSeoulSchedule_HoldsFromFridayEveningToMonday()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("weekend", """{"nodePools":["general"],"schedule":{"cron":"0 18 * * 5","duration":"60h","timeZone":"Asia/Seoul"}}""");

        // Friday 18:00 KST = Friday 09:00 UTC, 21 h after Thursday 12:00 UTC.
        Assert.Equal(TimeSpan.FromHours(21), (await h.ReconcileAsync("weekend")).RequeueAfter);
        h.Time.Advance(TimeSpan.FromHours(21));
        Assert.Equal(TimeSpan.FromHours(60), (await h.ReconcileAsync("weekend")).RequeueAfter);
        Assert.Equal(Paused, h.Cluster.Budgets("general"));
        h.Time.Advance(TimeSpan.FromHours(60));
        await h.ReconcileAsync("weekend");
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
    }

    [Fact]
    public async Task Reconcile_StatusUnchanged_DoesNotWriteAgain()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");
        var rv = h.Cluster.Api.ResourceVersion;

        await h.ReconcileAsync("release");

        Assert.Equal(rv, h.Cluster.Api.ResourceVersion);
    }

    [Fact]
    public async Task Index_NodePoolChange_MapsToTargetingAndHoldingFreezes()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("all", Window("""["*"]""", Now, Now.AddHours(1)));
        await h.ApplyFreezeAsync("gpu", Window("""["gpu"]""", Now, Now.AddHours(1)));
        await h.ReconcileAsync("all");
        await h.ReconcileAsync("gpu");

        var pool = System.Text.Json.JsonSerializer.Deserialize(h.Cluster.Pool("general").ToJsonString(), Addons.Karc.NodePools.KarcJsonContext.Default.NodePool)!;
        Assert.Equal(["all"], h.Index.FreezesFor(pool).Select(k => k.Name));
    }

    [Fact]
    public async Task Reconcile_StaleCacheShowsUnpaused_FreshReadSeesManualPauseAndLeavesIt()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.StopCacheAsync();
        // A manual `karc pause` the cache has not seen: the cache still says unpaused and unheld.
        await h.Cluster.SeedPoolAsync("general", Paused);
        var rv = h.Cluster.ResourceVersionOf("general");

        await h.ReconcileAsync("release", waitForCache: false);

        // The fresh read shows a pause karc does not own: no patch, no claim, nothing held.
        Assert.Equal(rv, h.Cluster.ResourceVersionOf("general"));
        Assert.Null(h.Holders("general"));
        Assert.Empty((await h.GetAsync("release"))!.Status!.PausedNodePools);
    }

    [Fact]
    public async Task Reconcile_ListingNodePoolsFails_PausesFromTheCacheWithoutListing()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.Cluster.SeedPoolAsync("other", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["*"]""", Now, Now.AddHours(5)));
        using var cts = new CancellationTokenSource(KarcCluster.Timeout);
        await h.CacheCaughtUpAsync(cts.Token);
        // From here on any LIST of NodePools fails: the reconciler must not need one.
        h.Cluster.Api.Faults.AddError(500, verb: "list", resource: "nodepools", count: 1000);

        await h.ReconcileAsync("release");

        Assert.Equal(Paused, h.Cluster.Budgets("general"));
        Assert.Equal(Paused, h.Cluster.Budgets("other"));
        Assert.Equal(["general", "other"], (await h.GetAsync("release"))!.Status!.PausedNodePools);
    }

    [Fact]
    public async Task Reconcile_ActiveStaysTrue_LastTransitionTimeKeptObservedGenerationMoves()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.Cluster.SeedPoolAsync("gpu", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");
        var first = (await h.GetAsync("release"))!;
        var active = Assert.Single(first.Status!.Conditions, c => c.Type == "Active");
        Assert.Equal(Now.UtcDateTime, active.LastTransitionTime);

        h.Time.Advance(TimeSpan.FromMinutes(30));
        await h.ApplyFreezeAsync("release", Window("""["general","gpu"]""", Now, Now.AddHours(5)));
        await h.ReconcileAsync("release");

        var second = (await h.GetAsync("release"))!;
        Assert.True(second.Metadata.Generation > first.Metadata.Generation);
        Assert.Equal(second.Metadata.Generation, second.Status!.ObservedGeneration);
        active = Assert.Single(second.Status.Conditions, c => c.Type == "Active");
        Assert.Equal("Holding 2 NodePool(s) paused", active.Message);
        Assert.Equal(second.Metadata.Generation, active.ObservedGeneration);
        Assert.Equal(Now.UtcDateTime, active.LastTransitionTime);
    }

    [Fact]
    public async Task Reconcile_SamePauseTwiceWithinTenMinutes_OneEventWithSeriesCount2()
    {
        await using var h = await FreezeHarness.StartAsync(Now);
        await h.Cluster.SeedPoolAsync("general", Unpaused);
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now, Now.AddMinutes(2)));
        await h.ReconcileAsync("release");
        h.Time.Advance(TimeSpan.FromMinutes(3));
        await h.ReconcileAsync("release");
        Assert.Equal(Unpaused, h.Cluster.Budgets("general"));
        await h.ApplyFreezeAsync("release", Window("""["general"]""", Now.AddMinutes(3), Now.AddMinutes(8)));
        await h.ReconcileAsync("release");
        Assert.Equal(Paused, h.Cluster.Budgets("general"));

        var paused = Assert.Single(h.Cluster.Api.List("events.k8s.io", "v1", "events", "default"),
            e => e["reason"]?.ToString() == "Paused" && e["regarding"]?["name"]?.ToString() == "general");
        Assert.Equal(2, paused["series"]?["count"]?.GetValue<int>());
        Assert.Equal("karc.io/consolidationfreeze-controller", paused["reportingController"]?.ToString());
    }
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Helpers;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class HelpersTests
{
    [Fact]
    public async Task PatchStatus_CustomResource_WritesOnlyStatusThroughSubresource()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        var widgets = h.Api.For(Widget.Type, TestJson.Default.Widget);
        var w = await widgets.CreateAsync(new Widget { Metadata = new() { Name = "w", NamespaceProperty = "default" }, Spec = new() { Size = 1 } }, cts.Token);

        var patched = await widgets.PatchStatusAsync(w, new WidgetStatus { Phase = "Ready", ObservedGeneration = w.Metadata.Generation }, TestJson.Default.WidgetStatus, optimistic: true, cts.Token);
        var stale = await Assert.ThrowsAsync<KubeApiException>(() => widgets.PatchStatusAsync(w, new WidgetStatus { Phase = "Old" }, TestJson.Default.WidgetStatus, optimistic: true, cts.Token));
        var read = await widgets.GetAsync("default", "w", cts.Token);

        Assert.Equal("Ready", patched.Status!.Phase);
        Assert.Equal(w.Metadata.Generation, patched.Metadata.Generation);
        Assert.True(stale.IsConflict);
        Assert.Equal("widgets/status", stale.Resource);
        Assert.Equal("Ready", read!.Status!.Phase);
        Assert.Equal(1, read.Spec!.Size);
    }

    [Fact]
    public async Task Finalizers_AddRemoveWithResourceVersion_ConflictOnStaleCopyAndDeleteCompletes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        var widgets = h.Api.For(Widget.Type, TestJson.Default.Widget);
        var w = await widgets.CreateAsync(new Widget { Metadata = new() { Name = "f", NamespaceProperty = "default", Finalizers = ["other.io/keep"] } }, cts.Token);

        var withOurs = await Finalizers.AddAsync(widgets, w, "test.addons.io/cleanup", cts.Token);
        var again = await Finalizers.AddAsync(widgets, withOurs, "test.addons.io/cleanup", cts.Token);
        var stale = await Assert.ThrowsAsync<KubeApiException>(() => Finalizers.AddAsync(widgets, w, "test.addons.io/late", cts.Token));
        await widgets.DeleteAsync("default", "f", cts.Token);
        var terminating = await widgets.GetAsync("default", "f", cts.Token);
        var afterOurs = await Finalizers.RemoveAsync(widgets, terminating!, "test.addons.io/cleanup", cts.Token);
        var gone = await Finalizers.RemoveAsync(widgets, afterOurs!, "other.io/keep", cts.Token);

        Assert.Equal(["other.io/keep", "test.addons.io/cleanup"], withOurs.Metadata.Finalizers);
        Assert.Same(withOurs, again);
        Assert.True(stale.IsConflict);
        Assert.NotNull(terminating!.Metadata.DeletionTimestamp);
        Assert.Equal(["other.io/keep"], afterOurs!.Metadata.Finalizers);
        Assert.True(gone is null || gone.Metadata.Finalizers is null or { Count: 0 });
        Assert.Null(await widgets.GetAsync("default", "f", cts.Token));
    }

    [Fact]
    public async Task Record_RepeatWithinWindow_PatchesSeriesInsteadOfNewEvent()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var leases = h.Api.For(ResourceType.Lease, KubeJson.Lease);
        var lease = await leases.CreateAsync(Lease.Of("default", "subject", rv: ""), cts.Token);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var recorder = new EventRecorder(h.Api, "addons.io/test", "pod-1", timeProvider: time);

        await recorder.RecordAsync(lease, KubeEventType.Warning, "Frozen", "Patch", "pools frozen", cts.Token);
        time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(lease, KubeEventType.Warning, "Frozen", "Patch", "pools frozen", cts.Token);
        await recorder.RecordAsync(lease, KubeEventType.Warning, "Frozen", "Patch", "pools frozen", cts.Token);
        await recorder.RecordAsync(lease, KubeEventType.Normal, "Thawed", "Patch", "pools thawed", cts.Token);
        time.Advance(TimeSpan.FromMinutes(11));
        await recorder.RecordAsync(lease, KubeEventType.Normal, "Thawed", "Patch", "pools thawed", cts.Token);

        var events = h.Emulator.List("events.k8s.io", "v1", "events", "default");
        var frozen = Assert.Single(events, e => (string?)e["reason"] == "Frozen");
        Assert.Equal(3, (int)frozen["series"]!["count"]!);
        Assert.Equal("Lease", (string?)frozen["regarding"]!["kind"]);
        Assert.Equal(lease.Metadata.Uid, (string?)frozen["regarding"]!["uid"]);
        Assert.Equal("addons.io/test", (string?)frozen["reportingController"]);
        Assert.Equal("Warning", (string?)frozen["type"]);
        Assert.Equal(2, events.Count(e => (string?)e["reason"] == "Thawed"));
    }

    [Fact]
    public async Task Record_ApiFails_LogsAndDoesNotThrow()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var log = new CapturingLogger();
        var recorder = new EventRecorder(h.Api, "addons.io/test", logger: log);
        h.Emulator.Faults.AddError(500, verb: "create", resource: "events");

        await recorder.RecordAsync(Lease.Of("default", "x"), KubeEventType.Normal, "Tried", "Create", "", cts.Token);

        var entry = Assert.Single(log.All);
        Assert.IsType<KubeApiException>(entry.Exception);
    }
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>Watches that keep only what the addon needs: raw JSON as received, metadata only, a transform.</summary>
public sealed class TrimmedObjectsTests
{
    private const string WidgetYaml = """
        apiVersion: test.addons.io/v1
        kind: Widget
        metadata:
          name: w1
          namespace: default
          labels: {app: demo}
          annotations: {kubectl.kubernetes.io/last-applied-configuration: "{big}"}
        spec:
          size: 3
          unknownToTheModel: {vulnerabilities: [{id: CVE-2024-1, severity: HIGH}]}
        """;

    [Fact]
    public async Task ListAndWatch_RawObject_KeepsFieldsTheModelDoesNotKnow()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        await h.Emulator.ApplyYamlAsync(WidgetYaml, cts.Token);
        var raw = h.Api.For(Widget.Type, KubeJson.Raw);

        var listed = Assert.Single((await raw.ListAsync("default", null, cts.Token)).Items);
        var got = await raw.GetAsync("default", "w1", cts.Token);
        var informer = new Informer<RawObject>(raw, new WatcherOptions { Namespace = "default" });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(cts.Token);
        var cached = informer.Store.Get("default", "w1");
        await stop.CancelAsync();
        await run;

        foreach (var obj in new[] { listed, got!, cached! })
        {
            Assert.Equal("w1", obj.Metadata.Name);
            Assert.Equal("demo", obj.Metadata.Labels["app"]);
            Assert.Contains("\"CVE-2024-1\"", obj.Json, StringComparison.Ordinal);
            Assert.Contains("\"unknownToTheModel\"", obj.Json, StringComparison.Ordinal);
        }

        Assert.Equal("Widget", got!.Kind);
        Assert.Equal("test.addons.io/v1", listed.ApiVersion);
    }

    [Fact]
    public async Task Informer_MetadataObjectWithTransform_CachesTrimmedMetadataOnly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        await h.Emulator.ApplyYamlAsync(WidgetYaml, cts.Token);
        var client = h.Api.For(Widget.Type, KubeJson.Metadata);
        var informer = new Informer<MetadataObject>(client, new WatcherOptions { Namespace = "default", Transform = WatchTransforms.StripManagedFields });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(WidgetYaml.Replace("name: w1", "name: w2", StringComparison.Ordinal), cts.Token);
        while (informer.Store.Get("default", "w2") is null)
        {
            await Task.Delay(20, cts.Token);
        }

        await stop.CancelAsync();
        await run;

        foreach (var name in new[] { "w1", "w2" })
        {
            var obj = informer.Store.Get("default", name)!;
            Assert.Equal("demo", obj.Metadata.Labels["app"]);
            Assert.Null(obj.Metadata.ManagedFields);
            Assert.False(obj.Metadata.Annotations?.ContainsKey("kubectl.kubernetes.io/last-applied-configuration") ?? false);
        }
    }
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Kubernetes.Discovery;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class ApiDiscoveryTests
{
    private const string TwoVersionCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.test.addons.io}
        spec:
          group: test.addons.io
          scope: Cluster
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - {name: v1beta1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
        """;

    [Fact]
    public async Task FindAsync_ServedAndNotServed_KindAndScopeFromServer()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd + "\n---\n" + TwoVersionCrd, cts.Token);
        var discovery = new ApiDiscovery(h.Api);

        var widgets = await discovery.FindAsync("test.addons.io", "v1", "widgets", cts.Token);
        var configMaps = await discovery.FindAsync("", "v1", "configmaps", cts.Token);
        var gadgets = await discovery.FirstServedAsync("test.addons.io", "gadgets", ["v1", "v1beta1"], cts.Token);

        Assert.Equal(new ResourceType("test.addons.io", "v1", "widgets", "Widget", true), widgets);
        Assert.Equal(new ResourceType("", "v1", "configmaps", "ConfigMap", true), configMaps);
        Assert.Equal(new ResourceType("test.addons.io", "v1beta1", "gadgets", "Gadget", false), gadgets);
        Assert.False(await discovery.IsServedAsync("test.addons.io", "v2", "widgets", cts.Token));
        Assert.False(await discovery.IsServedAsync("karpenter.sh", "v1", "nodepools", cts.Token));
        Assert.False(await discovery.IsServedAsync("test.addons.io", "v1", "widgets/status", cts.Token));
        Assert.Null(await discovery.FirstServedAsync("karpenter.sh", "nodepools", ["v1", "v1beta1"], cts.Token));
    }

    [Fact]
    public async Task PreferredVersionAsync_GroupServedOrNot_VersionOrNull()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        await h.Emulator.ApplyYamlAsync(TwoVersionCrd, cts.Token);
        var discovery = new ApiDiscovery(h.Api);

        Assert.Equal("v1beta1", await discovery.PreferredVersionAsync("test.addons.io", cts.Token));
        Assert.Equal("v1", await discovery.PreferredVersionAsync("coordination.k8s.io", cts.Token));
        Assert.Equal("v1", await discovery.PreferredVersionAsync("", cts.Token));
        Assert.Null(await discovery.PreferredVersionAsync("karpenter.sh", cts.Token));
    }

    [Fact]
    public async Task IsServedAsync_CrdInstalledLater_CachedUntilInvalidateOrExpiry()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await EmulatorHarness.StartAsync(cts.Token, time);
        var discovery = new ApiDiscovery(h.Api, TimeSpan.FromMinutes(10));

        var before = await discovery.IsServedAsync("test.addons.io", "v1", "widgets", cts.Token);
        await h.Emulator.ApplyYamlAsync(Widget.Crd, cts.Token);
        var requestsBefore = h.Requests.Count;
        var cached = await discovery.IsServedAsync("test.addons.io", "v1", "widgets", cts.Token);
        var requestsCached = h.Requests.Count;
        time.Advance(TimeSpan.FromMinutes(10));
        var expired = await discovery.IsServedAsync("test.addons.io", "v1", "widgets", cts.Token);
        var gadgetsBefore = await discovery.IsServedAsync("test.addons.io", "v1beta1", "gadgets", cts.Token);
        await h.Emulator.ApplyYamlAsync(TwoVersionCrd, cts.Token);
        var gadgetsCached = await discovery.IsServedAsync("test.addons.io", "v1beta1", "gadgets", cts.Token);
        discovery.Invalidate();
        var invalidated = await discovery.IsServedAsync("test.addons.io", "v1beta1", "gadgets", cts.Token);

        Assert.False(before);
        Assert.False(gadgetsBefore);
        Assert.False(gadgetsCached);
        Assert.False(cached);
        Assert.Equal(requestsBefore, requestsCached);
        Assert.True(expired);
        Assert.True(invalidated);
    }

    [Fact]
    public async Task IsServedAsync_ServerUnreachable_ThrowsInsteadOfNotServed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var emulator = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        using var api = new KubeApi(KubeConnection.ForServer(new Uri(emulator.BaseUrl)));
        var discovery = new ApiDiscovery(api);
        await emulator.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => discovery.IsServedAsync("coordination.k8s.io", "v1", "leases", cts.Token));
        await Assert.ThrowsAsync<HttpRequestException>(() => discovery.IsServedAsync("coordination.k8s.io", "v1", "leases", cts.Token));
    }

    [Theory]
    [InlineData("<html>proxy login</html>", "an HTML/XML page, not JSON")]
    [InlineData("[1,2]", "malformed or unexpected JSON")]
    [InlineData("{\"resources\":[{\"name\":7}]}", "malformed or unexpected JSON")]
    public async Task IsServedAsync_DiscoveryBodyNotADocument_ThrowsKubeResponseException(string body, string expected)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var emulator = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        using var api = new KubeApi(KubeConnection.ForServer(new Uri(emulator.BaseUrl)), new KubeApiOptions(), null, null, inner => new Canned(inner, body));

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => new ApiDiscovery(api).IsServedAsync("coordination.k8s.io", "v1", "leases", cts.Token));

        Assert.StartsWith("invalid response to get coordination.k8s.io/v1: " + expected, e.Message, StringComparison.Ordinal);
    }

    // A proxy in front of the API server answering discovery with its own 200.
    private sealed class Canned(HttpMessageHandler inner, string body) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}

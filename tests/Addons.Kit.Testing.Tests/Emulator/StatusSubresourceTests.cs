using System.Net;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class StatusSubresourceTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """;

    private const string Widgets = "/apis/example.com/v1/namespaces/default/widgets";

    [Fact]
    public async Task MainResourceWrite_IgnoresStatus()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync(Crd, e.Ct);
        var (_, created) = await e.PostAsync(Widgets, JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1},"status":{"phase":"X"}}""")!);
        var (_, patched) = await e.PatchAsync(Widgets + "/w", JsonNode.Parse("""{"status":{"phase":"Y"}}""")!, "application/merge-patch+json");

        Assert.Null(created!["status"]);
        Assert.Null(patched!["status"]);
    }

    [Fact]
    public async Task StatusWrite_ChangesOnlyStatusAndKeepsGeneration()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync(Crd, e.Ct);
        await e.PostAsync(Widgets, JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1}}""")!);
        var (status, body) = await e.PatchAsync(Widgets + "/w/status", JsonNode.Parse("""{"spec":{"size":9},"status":{"phase":"Ready"}}""")!, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ready", body!["status"]!["phase"]!.ToString());
        Assert.Equal(1, body["spec"]!["size"]!.GetValue<long>());
        Assert.Equal(1, body["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task CrdDeleted_ResourceNoLongerServed()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync(Crd, e.Ct);
        await e.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        var (status, _) = await e.GetAsync(Widgets);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Crd_ClusterScopedWithoutStatus_ServedAtClusterPathAndStatusIs404()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync(Crd.Replace("Namespaced", "Cluster", StringComparison.Ordinal).Replace("subresources: {status: {}}", "deprecated: false", StringComparison.Ordinal), e.Ct);
        var (created, _) = await e.PostAsync("/apis/example.com/v1/widgets", JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"}}""")!);
        var (status, _) = await e.GetAsync("/apis/example.com/v1/widgets/w/status");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class ListTests
{
    private static async Task SeedAsync(EmulatorClient e)
    {
        await e.PostAsync("/api/v1/namespaces", JsonNode.Parse("""{"metadata":{"name":"other"}}""")!);
        await e.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap("a", labels: new() { ["app"] = "web", ["tier"] = "front" }));
        await e.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap("b", labels: new() { ["app"] = "db" }));
        await e.PostAsync("/api/v1/namespaces/other/configmaps", EmulatorClient.ConfigMap("c", labels: new() { ["app"] = "web" }));
        await e.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap("d"));
    }

    private static async Task<List<string>> NamesAsync(EmulatorClient e, string path)
    {
        var (status, body) = await e.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString()).ToList();
    }

    [Theory]
    [InlineData("app=web", "a,c")]
    [InlineData("app==web", "a,c")]
    [InlineData("app!=web", "b,d")]
    [InlineData("app in (web,db)", "a,b,c")]
    [InlineData("app notin (web)", "b,d")]
    [InlineData("tier", "a")]
    [InlineData("!app", "d")]
    [InlineData("app=web,tier=front", "a")]
    public async Task List_LabelSelector_FiltersAcrossNamespaces(string selector, string expected)
    {
        await using var e = await EmulatorClient.StartAsync();
        await SeedAsync(e);

        var names = await NamesAsync(e, "/api/v1/configmaps?labelSelector=" + Uri.EscapeDataString(selector));

        Assert.Equal(expected.Split(','), names);
    }

    [Theory]
    [InlineData("metadata.name=b", "b")]
    [InlineData("metadata.namespace=other", "c")]
    [InlineData("metadata.namespace!=other", "a,b,d")]
    public async Task List_FieldSelector_Filters(string selector, string expected)
    {
        await using var e = await EmulatorClient.StartAsync();
        await SeedAsync(e);

        Assert.Equal(expected.Split(','), await NamesAsync(e, "/api/v1/configmaps?fieldSelector=" + Uri.EscapeDataString(selector)));
    }

    [Fact]
    public async Task List_FieldSelectorOnPodNodeAndSecretType_Filters()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync("/api/v1/namespaces/default/pods", JsonNode.Parse("""{"metadata":{"name":"p1"},"spec":{"nodeName":"n1"}}""")!);
        await e.PostAsync("/api/v1/namespaces/default/pods", JsonNode.Parse("""{"metadata":{"name":"p2"},"spec":{}}""")!);
        await e.PostAsync("/api/v1/namespaces/default/secrets", JsonNode.Parse("""{"metadata":{"name":"s1"},"type":"kubernetes.io/tls"}""")!);
        await e.PostAsync("/api/v1/namespaces/default/secrets", JsonNode.Parse("""{"metadata":{"name":"s2"}}""")!);

        Assert.Equal(["p1"], await NamesAsync(e, "/api/v1/pods?fieldSelector=spec.nodeName%3Dn1"));
        Assert.Equal(["p2"], await NamesAsync(e, "/api/v1/pods?fieldSelector=spec.nodeName%3D"));
        Assert.Equal(["s2"], await NamesAsync(e, "/api/v1/namespaces/default/secrets?fieldSelector=type%3DOpaque"));
    }

    [Fact]
    public async Task List_Namespaced_OnlyThatNamespace()
    {
        await using var e = await EmulatorClient.StartAsync();
        await SeedAsync(e);

        Assert.Equal(["c"], await NamesAsync(e, "/api/v1/namespaces/other/configmaps"));
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEverythingOnce()
    {
        await using var e = await EmulatorClient.StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await e.PostAsync("/api/v1/namespaces/default/configmaps", EmulatorClient.ConfigMap($"cm-{i:00}"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (_, body) = await e.GetAsync("/api/v1/namespaces/default/configmaps?limit=10" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token)));
            seen.AddRange(body!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString()));
            token = body["metadata"]!["continue"]?.ToString();
            if (pages == 0)
            {
                Assert.Equal(15, body["metadata"]!["remainingItemCount"]!.GetValue<long>());
            }

            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"cm-{i:00}"), seen);
    }

    [Fact]
    public async Task List_CarriesCurrentResourceVersion()
    {
        await using var e = await EmulatorClient.StartAsync();
        await SeedAsync(e);
        var (_, body) = await e.GetAsync("/api/v1/namespaces/default/configmaps");

        Assert.Equal(e.Api.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), body!["metadata"]!["resourceVersion"]!.ToString());
        Assert.Equal("ConfigMapList", body["kind"]!.ToString());
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class CrudTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Create_NewObject_SetsServerMetadata()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, body) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));

        Assert.Equal(HttpStatusCode.Created, status);
        var meta = body!["metadata"]!;
        Assert.True(Guid.TryParse(meta["uid"]!.ToString(), out _));
        Assert.NotNull(meta["creationTimestamp"]);
        Assert.Equal("default", meta["namespace"]!.ToString());
        Assert.True(long.Parse(meta["resourceVersion"]!.ToString()) > 0);
    }

    [Fact]
    public async Task Create_Existing_Returns409AlreadyExistsStatus()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var (status, body) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Status", body!["kind"]!.ToString());
        Assert.Equal("AlreadyExists", body["reason"]!.ToString());
        Assert.Equal(409, body["code"]!.GetValue<int>());
        Assert.Equal("a", body["details"]!["name"]!.ToString());
        Assert.Equal("configmaps", body["details"]!["kind"]!.ToString());
    }

    [Fact]
    public async Task Get_Missing_Returns404NotFoundStatus()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, body) = await e.GetAsync(ConfigMaps + "/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NotFound", body!["reason"]!.ToString());
        Assert.Equal("configmaps \"nope\" not found", body["message"]!.ToString());
    }

    [Fact]
    public async Task Create_InMissingNamespace_Returns404ForTheNamespace()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, body) = await e.PostAsync("/api/v1/namespaces/ghost/configmaps", EmulatorClient.ConfigMap("a"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("namespaces \"ghost\" not found", body!["message"]!.ToString());
    }

    [Fact]
    public async Task Update_StaleResourceVersion_Returns409Conflict()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, created) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var first = (JsonObject)created!.DeepClone();
        first["data"]!["k"] = "1";
        var (ok, _) = await e.PutAsync(ConfigMaps + "/a", first);
        var stale = (JsonObject)created.DeepClone();
        stale["data"]!["k"] = "2";
        var (status, body) = await e.PutAsync(ConfigMaps + "/a", stale);

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Conflict", body!["reason"]!.ToString());
        Assert.Contains("the object has been modified", body["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResourceVersion_IsOneGlobalCounterAcrossKinds()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, cm) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var (_, secret) = await e.PostAsync("/api/v1/namespaces/default/secrets", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "s" } });

        var a = long.Parse(cm!["metadata"]!["resourceVersion"]!.ToString());
        var b = long.Parse(secret!["metadata"]!["resourceVersion"]!.ToString());
        Assert.Equal(a + 1, b);
    }

    [Fact]
    public async Task Update_NoChange_KeepsResourceVersion()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, created) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var (_, same) = await e.PutAsync(ConfigMaps + "/a", created!);
        Assert.NotNull(created);

        Assert.Equal(created["metadata"]!["resourceVersion"]!.ToString(), same!["metadata"]!["resourceVersion"]!.ToString());
    }

    [Fact]
    public async Task Generation_BumpsOnSpecChangeOnly()
    {
        await using var e = await EmulatorClient.StartAsync();
        const string Path = "/apis/apps/v1/namespaces/default/deployments";
        var deployment = JsonNode.Parse("""{"metadata":{"name":"d"},"spec":{"replicas":1}}""")!;
        await e.PostAsync(Path, deployment);

        var (_, labelled) = await e.PatchAsync(Path + "/d", JsonNode.Parse("""{"metadata":{"labels":{"a":"b"}}}""")!, "application/merge-patch+json");
        var (_, scaled) = await e.PatchAsync(Path + "/d", JsonNode.Parse("""{"spec":{"replicas":3}}""")!, "application/merge-patch+json");

        Assert.Equal(1, labelled!["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(2, scaled!["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task ClusterScoped_ServedWithoutNamespaceAndRejectedWithOne()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (created, _) = await e.PostAsync("/api/v1/nodes", JsonNode.Parse("""{"metadata":{"name":"n1"}}""")!);
        var (got, node) = await e.GetAsync("/api/v1/nodes/n1");
        var (wrong, _) = await e.GetAsync("/api/v1/namespaces/default/nodes/n1");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, got);
        Assert.Null(node!["metadata"]!["namespace"]);
        Assert.Equal(HttpStatusCode.NotFound, wrong);
    }

    [Fact]
    public async Task Delete_WithoutFinalizers_RemovesImmediately()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        var (deleted, _) = await e.DeleteAsync(ConfigMaps + "/a");
        var (after, _) = await e.GetAsync(ConfigMaps + "/a");

        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, after);
    }

    [Fact]
    public async Task Delete_WithFinalizer_KeepsObjectUntilFinalizerRemoved()
    {
        await using var e = await EmulatorClient.StartAsync();
        var cm = EmulatorClient.ConfigMap("a");
        cm["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await e.PostAsync(ConfigMaps, cm);

        await e.DeleteAsync(ConfigMaps + "/a");
        var (_, held) = await e.GetAsync(ConfigMaps + "/a");
        await e.PatchAsync(ConfigMaps + "/a", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!, "application/merge-patch+json");
        var (gone, _) = await e.GetAsync(ConfigMaps + "/a");

        Assert.NotNull(held!["metadata"]!["deletionTimestamp"]);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Delete_Owner_CascadesToDependentsInBackground()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, owner) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("owner"));
        var dependent = EmulatorClient.ConfigMap("dependent");
        dependent["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "owner", ["uid"] = owner!["metadata"]!["uid"]!.ToString(),
        });
        await e.PostAsync(ConfigMaps, dependent);

        await e.DeleteAsync(ConfigMaps + "/owner");
        var (status, _) = await e.GetAsync(ConfigMaps + "/dependent");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Delete_Namespace_RemovesItsContents()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync("/api/v1/namespaces", JsonNode.Parse("""{"metadata":{"name":"tmp"}}""")!);
        await e.PostAsync("/api/v1/namespaces/tmp/configmaps", EmulatorClient.ConfigMap("a"));

        await e.DeleteAsync("/api/v1/namespaces/tmp");

        Assert.Null(e.Api.Get("", "v1", "configmaps", "tmp", "a"));
        Assert.Null(e.Api.Get("", "v1", "namespaces", null, "tmp"));
    }

    [Fact]
    public async Task GenerateName_CreatesUniqueName()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (_, body) = await e.PostAsync(ConfigMaps, JsonNode.Parse("""{"metadata":{"generateName":"job-"}}""")!);

        Assert.StartsWith("job-", body!["metadata"]!["name"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(9, body["metadata"]!["name"]!.ToString().Length);
    }

    [Fact]
    public async Task ApplyYaml_SeedsObjectsWithStatusAndCreatesNamespace()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: apps}
            spec: {replicas: 2}
            status: {readyReplicas: 2}
            """, e.Ct);

        var stored = e.Api.Get("apps", "v1", "deployments", "apps", "web");
        Assert.Equal(2, stored!["status"]!["readyReplicas"]!.GetValue<long>());
        Assert.NotNull(e.Api.Get("", "v1", "namespaces", null, "apps"));
    }
}

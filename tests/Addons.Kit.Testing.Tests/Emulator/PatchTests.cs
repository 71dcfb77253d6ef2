using System.Net;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Patching;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class PatchTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    [Fact]
    public void MergePatch_NullDeletesAndListsReplace()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":1,"b":{"c":2,"d":3},"l":[1,2]}"""), Obj("""{"b":{"c":null,"e":4},"l":[3]}"""));
        AssertJson("""{"a":1,"b":{"d":3,"e":4},"l":[3]}""", result);
    }

    [Fact]
    public void JsonPatch_AllOperations()
    {
        var ops = JsonNode.Parse("""
            [{"op":"add","path":"/a/b","value":1},{"op":"add","path":"/l/-","value":3},{"op":"replace","path":"/x","value":"y"},
             {"op":"copy","from":"/x","path":"/z"},{"op":"move","from":"/z","path":"/m"},{"op":"remove","path":"/l/0"},
             {"op":"test","path":"/m","value":"y"},{"op":"add","path":"/k~1s","value":true}]
            """)!.AsArray();
        var result = JsonPatch.Apply(Obj("""{"a":{},"l":[1,2],"x":"x"}"""), ops);
        AssertJson("""{"a":{"b":1},"l":[2,3],"x":"y","m":"y","k/s":true}""", result);
    }

    [Fact]
    public void StrategicMerge_ContainersMergeByName()
    {
        var live = Obj("""{"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"}]},{"name":"b","image":"b:1"}]}}""");
        var patch = Obj("""{"spec":{"containers":[{"name":"a","image":"a:2","env":[{"name":"Y","value":"2"}]},{"name":"c","image":"c:1"}]}}""");
        var result = StrategicMergePatch.Merge(live, patch, builtIn: true);
        AssertJson("""{"spec":{"containers":[{"name":"a","image":"a:2","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]},{"name":"b","image":"b:1"},{"name":"c","image":"c:1"}]}}""", result);
    }

    [Fact]
    public void StrategicMerge_DirectivesDeleteReplaceAndPrimitiveListDelete()
    {
        var live = Obj("""{"metadata":{"finalizers":["a","b"]},"spec":{"volumes":[{"name":"v1","emptyDir":{}},{"name":"v2"}],"tolerations":[{"key":"x"}],"sel":{"a":"1"}}}""");
        var patch = Obj("""
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"finalizers":["c"]},
             "spec":{"$setElementOrder/volumes":[{"name":"v2"}],"volumes":[{"name":"v1","$patch":"delete"}],"tolerations":[{"key":"y"}],"sel":{"$patch":"replace","b":"2"}}}
            """);
        var result = StrategicMergePatch.Merge(live, patch, builtIn: true);
        AssertJson("""{"metadata":{"finalizers":["b","c"]},"spec":{"volumes":[{"name":"v2"}],"tolerations":[{"key":"y"}],"sel":{"b":"2"}}}""", result);
    }

    [Fact]
    public void StrategicMerge_ServicePortsMergeOnPort()
    {
        var live = Obj("""{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}]}}""");
        var result = StrategicMergePatch.Merge(live, Obj("""{"spec":{"ports":[{"port":80,"targetPort":8080}]}}"""), builtIn: true);
        AssertJson("""{"spec":{"ports":[{"port":80,"name":"http","targetPort":8080},{"port":443,"name":"https"}]}}""", result);
    }

    [Fact]
    public void ServerSideApply_RemovesFieldsTheManagerStoppedApplying()
    {
        var first = Obj("""{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""");
        var live = ServerSideApply.Apply(null, first, null, builtIn: true);
        live["metadata"]!["labels"]!["other"] = "kept";
        var second = Obj("""{"metadata":{"labels":{"a":"1"}},"spec":{"containers":[{"name":"a","image":"z"}]}}""");

        var result = ServerSideApply.Apply(live, second, first, builtIn: true);

        AssertJson("""{"metadata":{"labels":{"a":"1","other":"kept"}},"spec":{"containers":[{"name":"a","image":"z"}]}}""", result);
    }

    [Fact]
    public async Task Patch_StrategicOnCustomResource_Returns415()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: widgets, kind: Widget}
              versions: [{name: v1, served: true, storage: true}]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """, e.Ct);
        var (status, _) = await e.PatchAsync("/apis/example.com/v1/namespaces/default/widgets/w", Obj("""{"spec":{}}"""), "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Patch_ApplyCreatesThenUpdates()
    {
        await using var e = await EmulatorClient.StartAsync();
        const string Path = "/api/v1/namespaces/default/configmaps/applied?fieldManager=test";
        var (created, _) = await e.PatchAsync(Path, EmulatorClient.ConfigMap("applied", data: "1"), "application/apply-patch+yaml");
        var (updated, body) = await e.PatchAsync(Path, EmulatorClient.ConfigMap("applied", data: "2"), "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal("2", body!["data"]!["k"]!.ToString());
    }

    [Fact]
    public async Task Patch_ApplyWithoutFieldManager_Returns422()
    {
        await using var e = await EmulatorClient.StartAsync();
        var (status, _) = await e.PatchAsync("/api/v1/namespaces/default/configmaps/x", EmulatorClient.ConfigMap("x"), "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }
}

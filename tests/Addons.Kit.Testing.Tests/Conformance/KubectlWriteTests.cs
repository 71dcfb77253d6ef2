using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>kubectl patch/replace/delete/apply --server-side semantics against the emulator.</summary>
public sealed class KubectlWriteTests
{
    [Fact]
    public async Task Patch_Merge_UpdatesField()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.Deployment, e.Ct);

        await kubectl.OkAsync(e.Ct, "patch", "deployment", "web", "--type=merge", "-p", """{"spec":{"replicas":5}}""");

        var stored = e.Api.Get("apps", "v1", "deployments", "default", "web")!;
        Assert.Equal(5, stored["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Patch_Json_AddsLabel()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.Deployment, e.Ct);

        await kubectl.OkAsync(e.Ct, "patch", "deployment", "web", "--type=json", "-p", """[{"op":"add","path":"/metadata/labels/tier","value":"front"}]""");

        Assert.Equal("front", e.Api.Get("apps", "v1", "deployments", "default", "web")!["metadata"]!["labels"]!["tier"]!.ToString());
    }

    [Fact]
    public async Task Patch_Strategic_MergesContainersByName()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.Deployment, e.Ct);

        await kubectl.OkAsync(e.Ct, "patch", "deployment", "web", "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"},{"name":"web","env":[{"name":"B","value":"2"}]}]}}}}""");

        var containers = e.Api.Get("apps", "v1", "deployments", "default", "web")!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web", "sidecar"], containers.Select(c => c!["name"]!.ToString()));
        Assert.Equal(["A", "B"], containers[0]!["env"]!.AsArray().Select(v => v!["name"]!.ToString()));
        Assert.Equal("nginx:1", containers[0]!["image"]!.ToString());
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_Conflicts()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.Deployment, e.Ct);
        var stale = await kubectl.OkAsync(e.Ct, "get", "deployment", "web", "-o", "yaml");
        await kubectl.OkAsync(e.Ct, "label", "deployment", "web", "touched=yes");

        var result = await kubectl.RunWithInputAsync(stale.Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal), e.Ct, "replace", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, e.Api.Get("apps", "v1", "deployments", "default", "web")!["spec"]!["replicas"]!.GetValue<long>());
    }

    [Fact]
    public async Task Replace_CurrentResourceVersion_Succeeds()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.Deployment, e.Ct);
        var current = await kubectl.OkAsync(e.Ct, "get", "deployment", "web", "-o", "yaml");

        var result = await kubectl.RunWithInputAsync(current.Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal), e.Ct, "replace", "-f", "-");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(4, e.Api.Get("apps", "v1", "deployments", "default", "web")!["spec"]!["replicas"]!.GetValue<long>());
    }

    [Fact]
    public async Task Delete_WithFinalizer_StaysTerminatingUntilFinalizerRemoved()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: held, finalizers: [example.com/cleanup]}
            """, e.Ct);

        await kubectl.OkAsync(e.Ct, "delete", "configmap", "held", "--wait=false");
        var deletionTimestamp = await kubectl.OkAsync(e.Ct, "get", "configmap", "held", "-o", "jsonpath={.metadata.deletionTimestamp}");
        await kubectl.OkAsync(e.Ct, "patch", "configmap", "held", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""");
        var after = await kubectl.RunAsync(e.Ct, "get", "configmap", "held");

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", deletionTimestamp);
        Assert.Contains("not found", after.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyServerSide_CreatesAndRemovesDroppedFields()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        const string Yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ssa, labels: {a: "1", b: "2"}}
            data: {x: "1"}
            """;

        var first = await kubectl.RunWithInputAsync(Yaml, e.Ct, "apply", "--server-side", "-f", "-");
        var second = await kubectl.RunWithInputAsync(Yaml.Replace(", b: \"2\"", "", StringComparison.Ordinal), e.Ct, "apply", "--server-side", "-f", "-");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var labels = e.Api.Get("", "v1", "configmaps", "default", "ssa")!["metadata"]!["labels"]!.AsObject();
        Assert.Equal(["a"], labels.Select(kv => kv.Key));
    }

    [Fact]
    public async Task DryRunServer_DoesNotPersist()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        var result = await kubectl.RunWithInputAsync(TestYaml.Deployment, e.Ct, "apply", "--dry-run=server", "-f", "-");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Null(e.Api.Get("apps", "v1", "deployments", "default", "web"));
    }
}

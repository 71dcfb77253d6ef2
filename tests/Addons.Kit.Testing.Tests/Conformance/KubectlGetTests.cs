using System.Text.Json.Nodes;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>kubectl get in its output forms, selectors and scopes; api-resources; auth can-i.</summary>
public sealed class KubectlGetTests
{
    private static async Task SeedAsync(EmulatorClient e) => await e.Api.ApplyYamlAsync("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: default, labels: {app: web}}
        data: {k: v}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b, namespace: other, labels: {app: db}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p1, namespace: default}
        spec: {nodeName: node-1, containers: [{name: c, image: x}]}
        status: {phase: Running, podIP: 10.0.0.5}
        """, e.Ct);

    [Fact]
    public async Task Get_OutputJson_IsTheStoredObject()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var json = JsonNode.Parse(await kubectl.OkAsync(e.Ct, "get", "configmap", "a", "-o", "json"))!;

        Assert.Equal("v", json["data"]!["k"]!.ToString());
        Assert.Equal(e.Api.Get("", "v1", "configmaps", "default", "a")!["metadata"]!["uid"]!.ToString(), json["metadata"]!["uid"]!.ToString());
    }

    [Fact]
    public async Task Get_OutputYaml_ShowsFields()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var yaml = await kubectl.OkAsync(e.Ct, "get", "configmap", "a", "-o", "yaml");

        Assert.Contains("kind: ConfigMap", yaml, StringComparison.Ordinal);
        Assert.Contains("  k: v", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OutputWide_AddsPriorityColumns()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var narrow = await kubectl.OkAsync(e.Ct, "get", "pods");
        var wide = await kubectl.OkAsync(e.Ct, "get", "pods", "-o", "wide");

        Assert.Matches(@"p1\s+0/1\s+Running\s+0\s+\d+s", narrow);
        Assert.DoesNotContain("node-1", narrow, StringComparison.Ordinal);
        Assert.Matches(@"p1\s+0/1\s+Running\s+0\s+\d+s\s+10\.0\.0\.5\s+node-1", wide);
    }

    [Fact]
    public async Task Get_AllNamespaces_ListsEveryNamespaceWithColumn()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var output = await kubectl.OkAsync(e.Ct, "get", "configmaps", "-A");

        Assert.Matches(@"NAMESPACE\s+NAME\s+DATA\s+AGE", output);
        Assert.Matches(@"default\s+a\s+1", output);
        Assert.Matches(@"other\s+b\s+0", output);
    }

    [Fact]
    public async Task Get_LabelSelector_Filters()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var output = await kubectl.OkAsync(e.Ct, "get", "configmaps", "-A", "-l", "app in (db)", "-o", "name");

        Assert.Equal("configmap/b", output.Trim());
    }

    [Fact]
    public async Task Get_FieldSelector_Filters()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var onNode = await kubectl.OkAsync(e.Ct, "get", "pods", "-A", "--field-selector", "spec.nodeName=node-1", "-o", "name");
        var elsewhere = await kubectl.RunAsync(e.Ct, "get", "pods", "-A", "--field-selector", "spec.nodeName=node-2", "-o", "name");

        Assert.Equal("pod/p1", onNode.Trim());
        Assert.Equal("", elsewhere.Stdout.Trim());
    }

    [Fact]
    public async Task Get_CrdResources_ShowPrinterColumnsAndShortName()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.RunWithInputAsync(TestYaml.WidgetCrd, e.Ct, "apply", "-f", "-");
        await kubectl.OkAsync(e.Ct, "wait", "--for=condition=established", "crd/widgets.example.com", "--timeout=10s");
        var created = await kubectl.RunWithInputAsync(TestYaml.Widget, e.Ct, "apply", "-f", "-");
        Assert.True(created.ExitCode == 0, created.Stderr);
        await kubectl.OkAsync(e.Ct, "patch", "widget", "w1", "--subresource=status", "--type=merge", "-p", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""");

        var table = await kubectl.OkAsync(e.Ct, "get", "wd");
        var wide = await kubectl.OkAsync(e.Ct, "get", "widgets.example.com", "-o", "wide");

        Assert.Matches(@"NAME\s+SIZE\s+READY\s+AGE", table);
        Assert.Matches(@"w1\s+3\s+True\s+\d+s", table);
        Assert.Matches(@"w1\s+3\s+True\s+eu-1a\s+\d+s", wide);
    }

    [Fact]
    public async Task ApiResources_ListsBuiltInsAndCrds()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.WidgetCrd, e.Ct);

        var output = await kubectl.OkAsync(e.Ct, "api-resources");

        Assert.Matches(@"configmaps\s+cm\s+v1\s+true\s+ConfigMap", output);
        Assert.Matches(@"leases\s+coordination.k8s.io/v1\s+true\s+Lease", output);
        Assert.Matches(@"nodes\s+no\s+v1\s+false\s+Node", output);
        Assert.Matches(@"widgets\s+wd\s+example.com/v1\s+true\s+Widget", output);
    }

    [Fact]
    public async Task GetAll_UsesTheAllCategory()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await SeedAsync(e);

        var output = await kubectl.OkAsync(e.Ct, "get", "all");

        Assert.Contains("pod/p1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthCanI_AdminIsAllowed()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        Assert.Equal("yes", (await kubectl.OkAsync(e.Ct, "auth", "can-i", "delete", "nodes")).Trim());
    }
}

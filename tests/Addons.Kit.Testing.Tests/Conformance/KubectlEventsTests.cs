using System.Net;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>Core and events.k8s.io Events are one store with two views, as kubectl sees them on a real cluster.</summary>
public sealed class KubectlEventsTests
{
    [Fact]
    public async Task EventsV1Event_SeenByGetEventsDescribeAndEventsK8sIo()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.OkAsync(e.Ct, "create", "configmap", "app-config", "--from-literal=k=v");
        var uid = e.Api.Get("", "v1", "configmaps", "default", "app-config")!["metadata"]!["uid"]!.ToString();
        var ev = JsonNode.Parse($$$"""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"app-config.1","namespace":"default"},
             "eventTime":"2026-12-02T10:00:00.000000Z","reportingController":"karc.io/controller","reportingInstance":"karc-0",
             "action":"Freeze","reason":"FreezeActive","type":"Normal","note":"consolidation frozen by weekend",
             "regarding":{"apiVersion":"v1","kind":"ConfigMap","name":"app-config","namespace":"default","uid":"{{{uid}}}"}}
            """)!;

        var (status, _) = await e.PostAsync("/apis/events.k8s.io/v1/namespaces/default/events", ev);
        Assert.Equal(HttpStatusCode.Created, status);

        var core = await kubectl.OkAsync(e.Ct, "get", "events");
        Assert.Contains("FreezeActive", core, StringComparison.Ordinal);
        Assert.Contains("configmap/app-config", core, StringComparison.Ordinal);
        Assert.Contains("consolidation frozen by weekend", core, StringComparison.Ordinal);
        var all = await kubectl.OkAsync(e.Ct, "get", "events", "-A", "-o", "jsonpath={.items[0].involvedObject.name} {.items[0].message} {.items[0].reportingComponent}");
        Assert.Equal("app-config consolidation frozen by weekend karc.io/controller", all);

        var v1 = await kubectl.OkAsync(e.Ct, "get", "events.events.k8s.io", "-o", "jsonpath={.items[0].regarding.name} {.items[0].note}");
        Assert.Equal("app-config consolidation frozen by weekend", v1);

        var described = await kubectl.OkAsync(e.Ct, "describe", "configmap", "app-config");
        Assert.Contains("FreezeActive", described, StringComparison.Ordinal);
        Assert.Contains("consolidation frozen by weekend", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoreEvent_ServedAsEventsV1WithFieldSelectorsOnEitherShape()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync("""
            apiVersion: v1
            kind: Event
            metadata: {name: web.1, namespace: default}
            involvedObject: {kind: Pod, name: web, namespace: default}
            reason: Scheduled
            message: assigned default/web to node-1
            type: Normal
            count: 2
            source: {component: default-scheduler}
            firstTimestamp: "2026-12-02T10:00:00Z"
            lastTimestamp: "2026-12-02T10:05:00Z"
            """, e.Ct);

        var v1 = await kubectl.OkAsync(e.Ct, "get", "events.events.k8s.io", "--field-selector", "regarding.name=web", "-o", "jsonpath={.items[*].note} {.items[*].deprecatedCount} {.items[*].deprecatedSource.component}");
        Assert.Equal("assigned default/web to node-1 2 default-scheduler", v1);
        var core = await kubectl.OkAsync(e.Ct, "get", "events", "--field-selector", "involvedObject.name=web", "-o", "name");
        Assert.Equal("event/web.1", core.Trim());

        await kubectl.OkAsync(e.Ct, "patch", "events.events.k8s.io", "web.1", "--type=merge", "-p", """{"note":"patched"}""");
        Assert.Equal("patched", e.Api.Get("", "v1", "events", "default", "web.1")!["message"]!.ToString());

        await kubectl.OkAsync(e.Ct, "delete", "events.events.k8s.io", "web.1");
        Assert.Null(e.Api.Get("", "v1", "events", "default", "web.1"));
    }
}

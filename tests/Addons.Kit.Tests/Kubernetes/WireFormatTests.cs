using System.Text;
using System.Text.Json;
using Addons.Kit.Kubernetes.Client;
using k8s.Models;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class WireFormatTests
{
    private static readonly ResourceType Leases = ResourceType.Lease;

    [Fact]
    public void ListPage_Envelope_ItemsMetadataAndContinue()
    {
        var json = """{"kind":"LeaseList","apiVersion":"coordination.k8s.io/v1","metadata":{"resourceVersion":"42","continue":"abc"},"items":[{"metadata":{"name":"a","namespace":"n","resourceVersion":"40"}},{"metadata":{"name":"b","namespace":"n"}}]}"""u8;

        var page = ListPage<V1Lease>.Parse(json, KubeJson.Lease);

        Assert.Equal(["a", "b"], page.Items.Select(i => i.Metadata.Name));
        Assert.Equal("42", page.ResourceVersion);
        Assert.Equal("abc", page.Continue);
    }

    [Fact]
    public void WatchEvent_ObjectBeforeType_ParsesAndFillsKind()
    {
        var evt = WatchEventParser.Parse("""{"object":{"metadata":{"name":"a","resourceVersion":"7"}},"type":"MODIFIED"}"""u8, KubeJson.Lease, Leases);

        Assert.Equal(WatchEventType.Modified, evt.Type);
        Assert.Equal("7", evt.ResourceVersion);
        Assert.Equal("Lease", evt.Object!.Kind);
        Assert.Equal("coordination.k8s.io/v1", evt.Object.ApiVersion);
    }

    [Fact]
    public void WatchEvent_Bookmark_CarriesResourceVersionOnly()
    {
        var evt = WatchEventParser.Parse("""{"type":"BOOKMARK","object":{"kind":"Lease","metadata":{"resourceVersion":"99"}}}"""u8, KubeJson.Lease, Leases);

        Assert.Equal(WatchEventType.Bookmark, evt.Type);
        Assert.Null(evt.Object);
        Assert.Equal("99", evt.ResourceVersion);
    }

    [Fact]
    public void WatchEvent_Error410_ThrowsGone()
    {
        var e = Assert.Throws<KubeApiException>(() => WatchEventParser.Parse(
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}"""u8,
            KubeJson.Lease,
            Leases));

        Assert.True(e.IsGone);
        Assert.Equal("Expired", e.Reason);
        Assert.Equal("Expired: watch leases: too old resource version: 1 (5)", e.Message);
    }

    [Fact]
    public void LeaseJson_MicroTime_RoundTripsAsRfc3339Utc()
    {
        var lease = Lease.Of("n", "l");
        lease.Spec.RenewTime = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1230);

        var json = JsonSerializer.Serialize(lease, KubeJson.Lease);
        var back = JsonSerializer.Deserialize(json, KubeJson.Lease)!;

        Assert.Contains("\"renewTime\":\"2030-01-02T03:04:05.000123Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("acquireTime", json, StringComparison.Ordinal);
        Assert.Equal(lease.Spec.RenewTime, back.Spec.RenewTime);
    }

    [Fact]
    public async Task LineReader_SplitsAcrossReadsAndKeepsLastLine()
    {
        var text = "{\"a\":1}\n\n{\"b\":" + new string('x', 40000) + "}\n{\"c\":3}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var reader = new LineReader(stream);
        var lines = new List<string>();

        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        Assert.Equal(3, lines.Count);
        Assert.Equal("{\"c\":3}", lines[2]);
        Assert.Equal(40006, lines[1].Length);
    }

    [Fact]
    public void KubeApiException_Message_NamesReasonVerbResourceAndName()
    {
        var e = new KubeApiException(System.Net.HttpStatusCode.Forbidden, "Forbidden", "user cannot patch", "patch", "nodepools", "default");

        Assert.Equal("Forbidden: patch nodepools \"default\": user cannot patch", e.Message);
        Assert.True(e.IsForbidden);
    }

    [Fact]
    public void ResourceType_Paths_CoreGroupNamespacedAndClusterScoped()
    {
        Assert.Equal("/api/v1/namespaces/ns/pods/p/status", ResourceType.Pod.ObjectPath("ns", "p", "status"));
        Assert.Equal("/api/v1/pods", ResourceType.Pod.CollectionPath(null));
        Assert.Equal("/api/v1/nodes/n", ResourceType.Node.ObjectPath("ignored", "n"));
        Assert.Equal("/apis/coordination.k8s.io/v1/namespaces/x/leases", ResourceType.Lease.CollectionPath("x"));
        Assert.Throws<ArgumentException>(() => ResourceType.Lease.ObjectPath(null, "l"));
    }
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Emulator;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>Issue 11 item 8: whatever the server (or a proxy in front of it) sends, the client fails with one
/// typed, one-line error — never a JsonException from deep inside, never unbounded memory, never a hang.</summary>
public sealed class BadResponseTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> BadLists => new()
    {
        { "garbage", "application/json", "not JSON" },
        { "{\"kind\":\"LeaseList\",\"items\":[{\"metadata\":{\"name\":\"a\"", "application/json", "malformed or unexpected JSON" },
        { "{\"items\":[{\"metadata\":{\"name\":5}}]}", "application/json", "malformed or unexpected JSON" },
        { "{\"items\":[null]}", "application/json", "malformed or unexpected JSON: null item in list" },
        { "[1,2,3]", "application/json", "malformed or unexpected JSON" },
        { "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "an HTML/XML page, not JSON" },
        { "", "application/json", "empty body" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task List_BadBody_ThrowsOneLineKubeResponseException(string body, string contentType, string expected)
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        h.Emulator.Faults.AddResponse(new FaultResponse { Verb = "list", Resource = "leases", Body = body, ContentType = contentType });

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => h.Api.For(ResourceType.Lease, KubeJson.Lease).ListAsync("default", null, cts.Token));

        Assert.StartsWith("invalid response to list leases: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Get_WrongTypedObject_ThrowsKubeResponseExceptionNamingTheObject()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        h.Emulator.Faults.AddResponse(new FaultResponse { Verb = "get", Resource = "leases", Body = "{\"metadata\":{\"name\":[]},\"spec\":{\"leaseDurationSeconds\":\"x\"}}" });

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => h.Api.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "a", cts.Token));

        Assert.StartsWith("invalid response to get leases \"a\": malformed or unexpected JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DeclaredBodyAboveCap_FailsBeforeReadingIt()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var huge = HugeList(sendContentLength: true);
        h.Emulator.Faults.AddResponse(huge);

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => h.Api.For(ResourceType.Lease, KubeJson.Lease).ListAsync("default", null, cts.Token));

        Assert.Contains("the body is 400,000,0", e.Message, StringComparison.Ordinal);
        Assert.Contains("above the 33,554,432-byte limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ChunkedBodyAboveCap_StopsAtTheCap()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        h.Emulator.Faults.AddResponse(HugeList(sendContentLength: false));
        using var api = new KubeApi(KubeConnection.ForServer(new Uri(h.Emulator.BaseUrl)), new KubeApiOptions { MaxResponseBytes = 1024 * 1024 });

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => api.For(ResourceType.Lease, KubeJson.Lease).ListAsync("default", null, cts.Token));

        Assert.Contains("the body is more than that, above the 1,048,576-byte limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConnectionClosedMidBody_ThrowsKubeResponseException()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var headersReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Emulator.Faults.AddResponse(new FaultResponse
        {
            Verb = "get", Resource = "leases", Body = "{\"metadata\":{\"name\":\"a\"},\"spec\":{}}", TruncateAfter = 10, CutWhen = headersReceived.Task,
        });
        using var api = new KubeApi(KubeConnection.ForServer(new Uri(h.Emulator.BaseUrl)), new KubeApiOptions(), null, null, inner => new OnHeaders(inner, headersReceived));

        var e = await Assert.ThrowsAsync<KubeResponseException>(() => api.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "a", cts.Token));

        Assert.Contains("the body ended early", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BodyStallsAfterHeaders_RequestTimeoutCoversTheBody()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        h.Emulator.Faults.AddResponse(new FaultResponse
        {
            Verb = "get", Resource = "leases", Body = "{\"metadata\":", Suffix = "{\"name\":\"a\"}}", SendContentLength = true, TruncateAfter = 12, StallAfterBody = true,
        });
        using var api = new KubeApi(KubeConnection.ForServer(new Uri(h.Emulator.BaseUrl)), new KubeApiOptions { RequestTimeout = TimeSpan.FromSeconds(1) });

        var e = await Assert.ThrowsAsync<TimeoutException>(() => api.For(ResourceType.Lease, KubeJson.Lease).GetAsync("default", "a", cts.Token));

        Assert.Equal("get leases timed out after 1s", e.Message);
    }

    [Fact]
    public async Task Watch_GarbageLine_ThrowsKubeResponseException()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        h.Emulator.Faults.AddResponse(new FaultResponse { Verb = "watch", Resource = "leases", Body = "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":7}}}\n", SendContentLength = false });

        var e = await Assert.ThrowsAsync<KubeResponseException>(async () =>
        {
            await foreach (var unused in h.Api.For(ResourceType.Lease, KubeJson.Lease).WatchAsync("default", null, cts.Token))
            {
                Assert.Fail("no event expected");
            }
        });

        Assert.StartsWith("invalid response to watch leases: malformed or unexpected JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxResponseBytes_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubeApiOptions { MaxResponseBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubeApiOptions { MaxResponseBytes = 2L * 1024 * 1024 * 1024 });
    }

    // 400,000,061 bytes: {"items":[ {lease}, {lease}, … {"metadata":{"name":"last"}} ]}.
    private static FaultResponse HugeList(bool sendContentLength) => new()
    {
        Verb = "list",
        Resource = "leases",
        Body = "{\"kind\":\"LeaseList\",\"items\":[",
        Repeat = "{\"metadata\":{\"name\":\"lease-with-a-long-name-00000000000000000000\",\"namespace\":\"default\"},\"spec\":{}},",
        RepeatCount = 4_000_000,
        Suffix = "{\"metadata\":{\"name\":\"last\"}}]}",
        SendContentLength = sendContentLength,
    };

    private sealed class OnHeaders(HttpMessageHandler inner, TaskCompletionSource received) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            received.TrySetResult();
            return response;
        }
    }
}

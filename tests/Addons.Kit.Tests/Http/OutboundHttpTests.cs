using System.Globalization;
using System.Net;
using Addons.Kit.Http;
using Addons.Kit.Tests.Kubernetes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Http;

/// <summary>The outbound client against a real loopback HTTP server (one class: the metric counters are process-wide).</summary>
public sealed class OutboundHttpTests
{
    private static HttpTargetOptions Target(Uri baseUrl, int retries = 3) => new()
    {
        Name = "test",
        BaseAddress = baseUrl,
        MaxRetries = retries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Get_TransientThenOk_RetriedAndCountedPerHostAndCode()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        server.Respond = (ctx, n) => n < 3 ? Status(ctx, n == 1 ? 503 : 502) : ctx.Response.WriteAsync("done");
        using var http = new OutboundHttp();
        using var client = http.CreateClient(Target(server.BaseUrl));
        var before503 = Count("503");
        var before200 = Count("200");

        using var response = await client.GetAsync("items", cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", await response.Content.ReadAsStringAsync(cts.Token));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, Count("503") - before503);
        Assert.Equal(1, Count("200") - before200);
    }

    [Fact]
    public async Task Post_Transient503_NotRetried()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        server.Respond = (ctx, _) => Status(ctx, 503);
        using var http = new OutboundHttp();
        using var client = http.CreateClient(Target(server.BaseUrl));

        using var response = await client.PostAsync("items", new StringContent("{}"), cts.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Post_429WithRetryAfter_RetriedWithSameBodyAndHeaders()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        server.Respond = (ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.Headers.RetryAfter = "0";
                return Status(ctx, 429);
            }

            return ctx.Response.WriteAsync("posted");
        };
        using var http = new OutboundHttp();
        using var client = http.CreateClient(Target(server.BaseUrl));
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage") { Content = new StringContent("{\"text\":\"hi\"}") };
        request.Headers.Authorization = new("Bearer", "xoxb-secret");

        using var response = await client.SendAsync(request, cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = server.Requests.ToArray();
        Assert.Equal(2, seen.Length);
        Assert.All(seen, r => Assert.Equal("{\"text\":\"hi\"}", r.Body));
        Assert.All(seen, r => Assert.Equal("Bearer xoxb-secret", r.Authorization));
    }

    [Fact]
    public async Task Get_RetryAfterAboveCap_ReturnedWithoutWaiting()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        server.Respond = (ctx, _) =>
        {
            ctx.Response.Headers.RetryAfter = "3600";
            return Status(ctx, 429);
        };
        using var http = new OutboundHttp();
        using var client = http.CreateClient(Target(server.BaseUrl));

        using var response = await client.GetAsync("items", cts.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Get_403WithExhaustedRateLimit_WaitsForResetThenRetries()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        server.Respond = (ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.Headers["X-RateLimit-Remaining"] = "0";
                ctx.Response.Headers["X-RateLimit-Reset"] = (time.GetUtcNow().ToUnixTimeSeconds() + 30).ToString(CultureInfo.InvariantCulture);
                return Status(ctx, 403);
            }

            return ctx.Response.WriteAsync("ok");
        };
        using var http = new OutboundHttp(null, time);
        using var client = http.CreateClient(Target(server.BaseUrl));

        var pending = client.GetAsync("repos", cts.Token);
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10, cts.Token);
        }

        await Task.Delay(200, cts.Token);
        var beforeReset = server.Requests.Count;
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, cts.Token);
        }

        using var response = await pending;
        Assert.Equal(1, beforeReset);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Get_SuccessWithRemainingZero_NextRequestWaitsUntilReset()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        server.Respond = (ctx, n) =>
        {
            ctx.Response.Headers["X-RateLimit-Remaining"] = n == 1 ? "0" : "4999";
            ctx.Response.Headers["X-RateLimit-Reset"] = "20";
            return ctx.Response.WriteAsync("ok");
        };
        using var http = new OutboundHttp(null, time);
        using var client = http.CreateClient(Target(server.BaseUrl));
        using var first = await client.GetAsync("a", cts.Token);

        var second = client.GetAsync("b", cts.Token);
        await Task.Delay(200, cts.Token);
        var beforeReset = server.Requests.Count;
        time.Advance(TimeSpan.FromSeconds(20));
        using var response = await second;

        Assert.Equal(1, beforeReset);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_AttemptTimesOut_RetriedThenTimeoutExceptionWithoutSecrets()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        server.Respond = async (ctx, _) => await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted);
        var logger = new CapturingLogger();
        using var http = new OutboundHttp(new SingleLoggerFactory(logger));
        var target = Target(server.BaseUrl, retries: 1);
        target.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var client = http.CreateClient(target);
        using var request = new HttpRequestMessage(HttpMethod.Get, "search?q=x&access_token=ghp_secret");
        request.Headers.Authorization = new("token", "ghp_header_secret");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(request, cts.Token));

        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("search?q=***&access_token=***", error.Message, StringComparison.Ordinal);
        var logged = string.Join("\n", logger.All.Select(e => e.Message + " " + string.Join(",", e.Values.Values)));
        Assert.Contains("access_token=***", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message + logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CallerCancels_NotRetried()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        server.Respond = async (ctx, _) =>
        {
            await caller.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted);
        };
        using var http = new OutboundHttp();
        using var client = http.CreateClient(Target(server.BaseUrl));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("slow", caller.Token));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Get_SequentialRequests_ReuseOnePooledConnection()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(cts.Token);
        using var http = new OutboundHttp();
        using var a = http.CreateClient(Target(server.BaseUrl));
        using var b = http.CreateClient(Target(server.BaseUrl));

        for (var i = 0; i < 3; i++)
        {
            using var response = await (i % 2 == 0 ? a : b).GetAsync("x", cts.Token);
        }

        Assert.Single(server.Requests.Select(r => r.ConnectionId).Distinct());
    }

    [Fact]
    public void Redact_QueryAndUserInfo_ValuesRemovedNamesKept()
    {
        Assert.Equal(
            "https://api.example.com/v1/x?token=***&X-Amz-Signature=***&flag=***",
            HttpRedaction.Redact(new Uri("https://user:pw@api.example.com/v1/x?token=abc&X-Amz-Signature=def&flag")));
        Assert.Equal("http://127.0.0.1:8080/", HttpRedaction.Redact(new Uri("http://127.0.0.1:8080/")));
        Assert.Equal("repos/a?page=***", HttpRedaction.Redact(new Uri("repos/a?page=2", UriKind.Relative)));
    }

    [Fact]
    public void CreateClient_InvalidOptions_ThrowsNamingSetting()
    {
        using var http = new OutboundHttp();

        var error = Assert.Throws<ArgumentException>(() => http.CreateClient(new HttpTargetOptions { MaxRetries = -1 }));

        Assert.StartsWith("HttpTargetOptions.MaxRetries: -1 is out of range", error.Message, StringComparison.Ordinal);
    }

    private static double Count(string code) => HttpClientMetrics.Requests.WithLabels("127.0.0.1", code).Value;

    private static Task Status(HttpContext context, int code)
    {
        context.Response.StatusCode = code;
        return Task.CompletedTask;
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}

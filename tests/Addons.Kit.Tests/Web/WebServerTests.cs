using System.Net;
using System.Net.Sockets;
using System.Text;
using Addons.Kit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Addons.Kit.Tests.Web;

/// <summary>The kit's web server inside an addon host: routes, JSON errors, the body limit, metrics and the stop order.</summary>
public sealed class WebServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static void Routes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/items/{id}", static context => context.Response.WriteAsync("item " + context.Request.RouteValues["id"]));
        routes.MapPost("/api/v1/echo", static async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            await context.Response.WriteAsync(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        routes.MapGet("/api/v1/boom", static _ => throw new InvalidOperationException("secret detail"));
        routes.MapFallback(static context => context.Response.WriteAsync("<html>ui</html>"));
    }

    [Fact]
    public async Task Request_KnownRoute_AnsweredAndCountedUnderItsTemplate()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var addon = await WebAddon.StartAsync(Routes, timeout.Token);

        Assert.Equal("item 42", await addon.Web.GetStringAsync("/api/v1/items/42", timeout.Token));
        Assert.Equal("<html>ui</html>", await addon.Web.GetStringAsync("/reports/deep/link", timeout.Token));

        var metrics = await addon.Probes.GetStringAsync("/metrics", timeout.Token);
        Assert.Contains("http_server_requests_total{method=\"GET\",route=\"/api/v1/items/{id}\",code=\"200\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/items/{id}\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("route=\"/api/v1/items/42\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UnknownApiPath_JsonNotFoundNotTheUi()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var addon = await WebAddon.StartAsync(Routes, timeout.Token);

        using var response = await addon.Web.GetAsync("/api/v1/nope", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"error\":\"no such API path\",\"status\":404}", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task Request_HandlerThrows_Json500WithoutTheExceptionAndTheHostKeepsServing()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var addon = await WebAddon.StartAsync(Routes, timeout.Token);

        using var response = await addon.Web.GetAsync("/api/v1/boom", timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"internal error\",\"status\":500}", body);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Equal("item 1", await addon.Web.GetStringAsync("/api/v1/items/1", timeout.Token));
    }

    [Fact]
    public async Task Request_BodyOverTheLimit_Json413()
    {
        using var timeout = new CancellationTokenSource(Bound);
        await using var addon = await WebAddon.StartAsync(Routes, timeout.Token, "--Web:MaxRequestBodyBytes=1000");

        using var small = await addon.Web.PostAsync("/api/v1/echo", new StringContent(new string('x', 1000), Encoding.ASCII), timeout.Token);
        using var large = await addon.Web.PostAsync("/api/v1/echo", new StringContent(new string('x', 1001), Encoding.ASCII), timeout.Token);

        Assert.Equal("1000", await small.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("{\"error\":\"request body too large\",\"status\":413}", await large.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task Stop_RequestInFlight_ReadinessDropsThenNoNewConnectionsThenTheRequestCompletesThenExit0()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var addon = await WebAddon.StartAsync(
            routes => routes.MapGet("/api/v1/slow", async context =>
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(context.RequestAborted);
                await context.Response.WriteAsync("finished");
            }),
            timeout.Token);

        var inFlight = addon.Web.GetStringAsync("/api/v1/slow", timeout.Token);
        await entered.Task.WaitAsync(timeout.Token);
        addon.Stop();

        // 1. Readiness drops while the request is still running.
        while ((await addon.Probes.GetAsync("/readyz", timeout.Token)).StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            await Task.Delay(20, timeout.Token);
        }

        // 2. The server stops accepting: a new connection is refused (retried while Kestrel closes its listener).
        while (await AcceptsAsync(addon.WebPort, timeout.Token))
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.False(inFlight.IsCompleted);
        Assert.False(addon.Run.IsCompleted);

        // 3. The in-flight request completes, then the host exits 0.
        release.SetResult();
        Assert.Equal("finished", await inFlight);
        Assert.Equal(0, await addon.Run.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task Start_InvalidPort_ExitTwoBeforeListening()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var builder = Addons.Kit.Hosting.AddonHost.CreateBuilder(["--Web:Port=70000", "--health-port=0"], "web-test");
        builder.AddWebServer(static (_, _) => { });

        Assert.Equal(2, await builder.Build().RunAsync(timeout.Token));
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

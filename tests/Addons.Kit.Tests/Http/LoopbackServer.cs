using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Tests.Http;

/// <summary>A real HTTP server on 127.0.0.1 whose answers a test scripts, recording every request it saw.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = new Uri(baseUrl + "/");
    }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public Uri BaseUrl { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Answers the request; the default is 200 "ok".</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = (context, _) => context.Response.WriteAsync("ok");

    public static async Task<LoopbackServer> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var seen = new SeenRequest(
                context.Request.Method, context.Request.Path + context.Request.QueryString, body,
                context.Request.Headers.Authorization.ToString(), context.Connection.Id);
            server!.Requests.Enqueue(seen);
            await server.Respond(context, server.Requests.Count);
        });
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record SeenRequest(string Method, string PathAndQuery, string Body, string Authorization, string ConnectionId);

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Web;

/// <summary>
/// The addon's HTTP server: a Kestrel <see cref="WebApplication"/> (empty builder, no defaults) started and stopped
/// as one of the addon host's services. Registered after the probe listener, so on SIGTERM the order is: readiness
/// drops (the kit's lifecycle check, at ApplicationStopping), then this server stops accepting connections and
/// drains in-flight requests within the shutdown deadline, then the listener stops last.
/// </summary>
/// <remarks>
/// The web application has a container of its own (ASP.NET Core's services); the addon's routes are mapped by a
/// callback that receives the addon host's <see cref="IServiceProvider"/>, so handlers use the addon's singletons
/// (its storage, its clients) without a second registration.
/// </remarks>
internal sealed partial class WebServer(
    IServiceProvider services,
    IOptions<WebServerOptions> options,
    WebRoutes routes,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<WebServer>();
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = settings.RequestHeadersTimeout;
            kestrel.Listen(IPAddress.Parse(settings.BindAddress), settings.Port);
        });
        builder.Services.AddRoutingCore();
        // The addon's logging (Serilog, its level and format) for Kestrel's own messages too.
        builder.Services.Replace(ServiceDescriptor.Singleton(loggers));
        // Stopping is the addon host's business: the web host must not install its own signal handling.
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, PassiveLifetime>());

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<WebServerMiddleware>();
        routes.Map(app, services);
        // An unknown API path is a JSON 404 even when the addon maps a UI fallback for every other path.
        var apiPrefix = "/" + settings.ApiPrefix.Trim('/');
        RequestDelegate noSuchApiPath = static context => JsonError.WriteAsync(context, StatusCodes.Status404NotFound, "no such API path");
        app.MapFallback(apiPrefix + "/{**path}", noSuchApiPath);
        app.MapFallback(apiPrefix, noSuchApiPath);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            // Kestrel reports a taken port as an IOException: one line naming the port, then exit 1.
            throw new InvalidOperationException($"cannot listen on {settings.BindAddress}:{settings.Port} for the web server: {e.Message}", e);
        }

        _app = app;
        Log.Listening(_logger, settings.BindAddress, settings.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        Log.Draining(_logger);
        // Stops accepting connections, then waits for in-flight requests until the host's shutdown deadline.
        await app.StopAsync(cancellationToken);
        Log.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }

    /// <summary>A host lifetime that does nothing: the addon host owns signals and stopping.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

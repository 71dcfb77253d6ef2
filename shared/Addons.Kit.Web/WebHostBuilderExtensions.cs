using Addons.Kit.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Addons.Kit.Web;

/// <summary>Adds the addon's HTTP server (API and UI) to an addon host.</summary>
public static class WebHostBuilderExtensions
{
    /// <summary>
    /// Serves the routes <paramref name="map"/> adds on <c>Web:Port</c> (default 3000), inside the addon host's
    /// lifecycle. <paramref name="map"/> receives the addon host's services for its handlers.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddWebServer((routes, services) =>
    /// {
    ///     var store = services.GetRequiredService&lt;ReportStore&gt;();
    ///     routes.MapGet("/api/v1/reports", () => store.List());
    /// });
    /// </code>
    /// </example>
    public static AddonHostBuilder AddWebServer(this AddonHostBuilder builder, Action<IEndpointRouteBuilder, IServiceProvider> map)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(map);
        builder.DescribeSection<WebServerOptions>(WebServerOptions.Section);
        builder.Services.AddOptionsWithValidateOnStart<WebServerOptions, WebServerOptionsValidator>()
            .Bind(builder.Configuration.GetSection(WebServerOptions.Section));
        builder.Services.AddSingleton(new WebRoutes(map));
        builder.Services.AddSingleton<WebServer>();
        builder.Services.AddHostedService(static provider => provider.GetRequiredService<WebServer>());
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Http;

/// <summary><c>AddOutboundHttp</c>: registers the process's one <see cref="OutboundHttp"/>.</summary>
public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OutboundHttp"/> as a singleton (idempotent); the host disposes it at exit.</summary>
    /// <param name="services">The addon's services (<c>builder.Services</c>).</param>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static provider => new OutboundHttp(
            provider.GetRequiredService<ILoggerFactory>(), provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}

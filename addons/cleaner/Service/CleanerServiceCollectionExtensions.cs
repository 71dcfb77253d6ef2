using Addons.Cleaner.Cleaning;
using Addons.Cleaner.Configuration;
using Addons.Cleaner.Globbing;
using Addons.Cleaner.Metrics;
using Addons.Cleaner.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Addons.Cleaner.Service;

/// <summary>Registers the cleaner's services.</summary>
internal static class CleanerServiceCollectionExtensions
{
    public static IServiceCollection AddCleaner(this IServiceCollection services, CleanerOptions options, GlobSet include, GlobSet exclude)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUsageProbe, StatvfsUsageProbe>();
        services.TryAddSingleton<ICleanerMetrics>(static provider =>
        {
            var metrics = new PrometheusCleanerMetrics(provider.GetService<CollectorRegistry>() ?? Prometheus.Metrics.DefaultRegistry);
            metrics.Prepare(provider.GetRequiredService<CleanerOptions>().TargetPaths);
            return metrics;
        });
        services.AddSingleton(provider => new CleaningCycle(
            options,
            include,
            exclude,
            provider.GetRequiredService<IUsageProbe>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Addons.Cleaner.Cleaning"),
            provider.GetRequiredService<ICleanerMetrics>()));
        services.AddSingleton<CleanerService>();
        services.AddHostedService(static provider => provider.GetRequiredService<CleanerService>());
        return services;
    }
}

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
    /// <summary>
    /// Registers the cleaning cycle and service; <see cref="CleanerOptions"/> comes from the settings
    /// (the host registers it; its globs were checked when the settings were read).
    /// </summary>
    public static IServiceCollection AddCleaner(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUsageProbe, StatvfsUsageProbe>();
        services.TryAddSingleton<ICleanerMetrics>(static provider =>
        {
            var metrics = new PrometheusCleanerMetrics(provider.GetService<CollectorRegistry>() ?? Prometheus.Metrics.DefaultRegistry);
            metrics.Prepare(provider.GetRequiredService<CleanerOptions>().TargetPaths);
            return metrics;
        });
        services.AddSingleton(static provider => new CleaningCycle(
            provider.GetRequiredService<CleanerOptions>(),
            GlobSet.Compile(provider.GetRequiredService<CleanerOptions>().IncludePatterns),
            GlobSet.Compile(provider.GetRequiredService<CleanerOptions>().ExcludePatterns),
            provider.GetRequiredService<IUsageProbe>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Addons.Cleaner.Cleaning"),
            provider.GetRequiredService<ICleanerMetrics>()));
        services.AddSingleton<CleanerService>();
        services.AddHostedService(static provider => provider.GetRequiredService<CleanerService>());
        return services;
    }
}

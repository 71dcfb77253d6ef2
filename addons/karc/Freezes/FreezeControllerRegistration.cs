using Addons.Karc.NodePools;
using Addons.Kit.Controllers;
using Addons.Kit.Hosting;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Discovery;
using Addons.Kit.Kubernetes.Helpers;
using Addons.Kit.Kubernetes.Watching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Freezes;

/// <summary><c>AddFreezeController</c>: the ConsolidationFreeze controller and its NodePool watch, on an addon host.</summary>
internal static class FreezeControllerRegistration
{
    /// <summary>The Events' <c>reportingController</c>.</summary>
    public const string ReportingController = "karc.io/consolidationfreeze-controller";

    /// <summary>
    /// Registers the freeze controller. NodePools are watched on the version discovery finds when the watch starts
    /// (v1, else v1beta1; retried with backoff while discovery fails), and the reconciler reads them from that
    /// watch's cache, kept without managedFields (the reconciler decides from budgets and annotations only, and
    /// writes only after a fresh read).
    /// </summary>
    public static AddonHostBuilder AddFreezeController(this AddonHostBuilder builder)
    {
        var index = new FreezeIndex();
        var poolCache = FreezeIndex.NodePoolCache();
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(poolCache);
        builder.Services.AddSingleton(static provider => new ApiDiscovery(provider.GetRequiredService<KubeApi>()));
        builder.Services.AddSingleton<NodePoolApi>();
        builder.Services.AddSingleton(static provider => new EventRecorder(
            provider.GetRequiredService<KubeApi>(), ReportingController, null,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<EventRecorder>(), provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<FreezeStatusWriter>();
        builder.AddController<ConsolidationFreeze, FreezeReconciler>(
                FreezeResources.Freeze, KarcJsonContext.Default.ConsolidationFreeze, o => o.Name = "consolidationfreeze")
            .Watches(
                static (services, cancellationToken) => services.GetRequiredService<NodePoolApi>().ResourceTypeAsync(cancellationToken),
                KarcJsonContext.Default.NodePool,
                index.FreezesFor,
                new WatcherOptions { Transform = WatchTransforms.StripManagedFields },
                poolCache);
        return builder;
    }
}

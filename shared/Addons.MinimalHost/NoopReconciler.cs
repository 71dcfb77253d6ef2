using Addons.Kit.Controllers;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Addons.MinimalHost;

/// <summary>Reconciles nothing; logs each key at debug level (and can hold a reconcile open for shutdown tests).</summary>
internal sealed partial class NoopReconciler(ILogger<NoopReconciler> logger, Microsoft.Extensions.Configuration.IConfiguration configuration, TimeProvider time)
    : IReconciler<V1ConfigMap>
{
    // Watch:ReconcileDelay lets the footprint harness and tests keep a reconcile in flight during SIGTERM.
    private readonly TimeSpan _delay = TimeSpan.TryParse(configuration["Watch:ReconcileDelay"], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.Zero;

    public async Task<ReconcileResult> ReconcileAsync(V1ConfigMap obj, CancellationToken cancellationToken)
    {
        LogReconciling(logger, obj.Metadata.NamespaceProperty, obj.Metadata.Name, _delay);
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, time, cancellationToken);
        }

        LogReconciled(logger, obj.Metadata.NamespaceProperty, obj.Metadata.Name);
        return ReconcileResult.AwaitChange();
    }

    [LoggerMessage(1, LogLevel.Information, "Reconciling ConfigMap {Namespace}/{Name} (takes {Delay})")]
    private static partial void LogReconciling(ILogger logger, string? @namespace, string name, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Information, "Reconciled ConfigMap {Namespace}/{Name}")]
    private static partial void LogReconciled(ILogger logger, string? @namespace, string name);
}

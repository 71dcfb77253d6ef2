namespace Addons.Kit.Controllers;

/// <summary>Per-controller settings (given in code at registration).</summary>
public sealed class ControllerOptions
{
    /// <summary>The controller's name in logs and metrics (<c>controller</c> label).</summary>
    /// <value>The default value is the watched kind in lower case, e.g. <c>configmap</c>.</value>
    public string? Name { get; set; }

    /// <summary>How many keys may be reconciled at the same time (never the same key twice).</summary>
    /// <value>The default value is 1, as in controller-runtime.</value>
    public int MaxConcurrentReconciles { get; set; } = 1;

    /// <summary>Namespace to watch; null watches all namespaces (or a cluster-scoped kind).</summary>
    /// <value>The default value is null.</value>
    public string? Namespace { get; set; }

    /// <summary>Label selector for the primary watch, e.g. <c>app=demo</c>.</summary>
    /// <value>The default value is null (every object).</value>
    public string? LabelSelector { get; set; }

    /// <summary>
    /// A reconcile running longer than this marks the controller's workers as wedged: the liveness check
    /// <c>controller/&lt;name&gt;/workers</c> fails, so the kubelet restarts the pod.
    /// </summary>
    /// <value>The default value is 15 minutes (far above any reconcile that only calls the API server).</value>
    public TimeSpan StuckReconcileAfter { get; set; } = TimeSpan.FromMinutes(15);
}

using Prometheus;

namespace Addons.Karc.Freezes;

/// <summary>karc's own metrics, next to the kit's controller metrics.</summary>
internal static class FreezeMetrics
{
    /// <summary><c>karc_nodepool_paused{nodepool}</c>: 1 while the NodePool carries a pause budget, else 0.</summary>
    public static readonly Gauge NodePoolPaused = Metrics.CreateGauge(
        "karc_nodepool_paused", "1 while the NodePool carries karc's pause budget ({nodes: \"0\"}), else 0.", "nodepool");

    /// <summary><c>karc_freeze_active{freeze}</c>: 1 while the ConsolidationFreeze is active, else 0.</summary>
    public static readonly Gauge FreezeActive = Metrics.CreateGauge(
        "karc_freeze_active", "1 while the ConsolidationFreeze is active (in its window and not suspended), else 0.", "freeze");
}

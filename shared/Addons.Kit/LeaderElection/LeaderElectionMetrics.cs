using Prometheus;

namespace Addons.Kit.LeaderElection;

/// <summary>client-go's leader election gauge, so existing dashboards work.</summary>
internal static class LeaderElectionMetrics
{
    public static readonly Gauge MasterStatus = Prometheus.Metrics.CreateGauge(
        "leader_election_master_status",
        "1 while this replica leads the named lease, else 0.",
        new GaugeConfiguration { LabelNames = ["name"] });
}

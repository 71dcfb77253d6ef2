namespace Addons.Kit.LeaderElection;

/// <summary>Options of <see cref="LeaderElector"/>. Defaults are controller-runtime's.</summary>
public sealed class LeaderElectionOptions
{
    // The defaults, written once for the elector and the host options (controller-runtime's values).
    internal static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(15);
    internal static readonly TimeSpan DefaultRenewDeadline = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan DefaultRetryPeriod = TimeSpan.FromSeconds(2);

    /// <summary>Name of the Lease object. Required (the chart sets it).</summary>
    public string LeaseName { get; set; } = "";

    /// <summary>Namespace of the Lease. <value>The default value is the pod's namespace (service-account mount),
    /// else the kubeconfig context's namespace.</value></summary>
    public string? Namespace { get; set; }

    /// <summary>This replica's identity in the Lease. <value>The default value is <c>&lt;hostname&gt;_&lt;random&gt;</c>.</value></summary>
    public string? Identity { get; set; }

    /// <summary>How long a standby waits after the last observed change of the Lease before taking it over.
    /// <value>The default value is 15 s.</value></summary>
    public TimeSpan LeaseDuration { get; set; } = DefaultLeaseDuration;

    /// <summary>How long the leader keeps leading without a successful renewal. Must be less than
    /// <see cref="LeaseDuration"/>: the leader stops before anyone else may start. <value>The default value is 10 s.</value></summary>
    public TimeSpan RenewDeadline { get; set; } = DefaultRenewDeadline;

    /// <summary>Interval between acquire/renew attempts. <value>The default value is 2 s.</value></summary>
    public TimeSpan RetryPeriod { get; set; } = DefaultRetryPeriod;

    /// <summary>The first problem, naming the setting and what is accepted; null when valid.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName))
        {
            return "LeaderElection:LeaseName is required (a Lease object name, e.g. my-addon-leader)";
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            return $"LeaderElection:RetryPeriod must be positive (got {RetryPeriod})";
        }

        if (RenewDeadline <= RetryPeriod)
        {
            return $"LeaderElection:RenewDeadline ({RenewDeadline}) must be greater than LeaderElection:RetryPeriod ({RetryPeriod})";
        }

        if (LeaseDuration <= RenewDeadline)
        {
            return $"LeaderElection:LeaseDuration ({LeaseDuration}) must be greater than LeaderElection:RenewDeadline ({RenewDeadline})";
        }

        return null;
    }
}

using Microsoft.Extensions.Options;

namespace Addons.Kit.LeaderElection;

/// <summary>
/// Leader election of the host's leader-only work (configuration section <c>LeaderElection</c>; flags
/// <c>--leader-elect</c>, <c>--lease-name</c>, <c>--lease-namespace</c>). Defaults are controller-runtime's.
/// </summary>
public sealed class LeaderElectionHostOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "LeaderElection";

    /// <summary>Whether controllers run only on the replica holding the Lease.</summary>
    /// <value>The default value is false (single replica), unless the addon calls <c>UseLeaderElection</c>.</value>
    public bool Enabled { get; set; }

    /// <summary>Name of the Lease; required when enabled (the chart sets it).</summary>
    public string? LeaseName { get; set; }

    /// <summary>Namespace of the Lease.</summary>
    /// <value>The default value is null: the pod's namespace, else the kubeconfig context's.</value>
    public string? LeaseNamespace { get; set; }

    /// <summary>How long a standby waits before taking over an unrenewed Lease. <value>The default value is 15 s.</value></summary>
    public TimeSpan LeaseDuration { get; set; } = LeaderElectionOptions.DefaultLeaseDuration;

    /// <summary>How long the leader keeps leading without a renewal. <value>The default value is 10 s.</value></summary>
    public TimeSpan RenewDeadline { get; set; } = LeaderElectionOptions.DefaultRenewDeadline;

    /// <summary>Interval between acquire/renew attempts. <value>The default value is 2 s.</value></summary>
    public TimeSpan RetryPeriod { get; set; } = LeaderElectionOptions.DefaultRetryPeriod;

    /// <summary>The elector's options.</summary>
    internal LeaderElectionOptions ToElectorOptions() => new()
    {
        LeaseName = LeaseName ?? string.Empty,
        Namespace = LeaseNamespace,
        LeaseDuration = LeaseDuration,
        RenewDeadline = RenewDeadline,
        RetryPeriod = RetryPeriod,
    };
}

/// <summary>Validates <see cref="LeaderElectionHostOptions"/> with the elector's own rules (lease &gt; renew &gt; retry, name required).</summary>
internal sealed class LeaderElectionHostOptionsValidator : IValidateOptions<LeaderElectionHostOptions>
{
    public ValidateOptionsResult Validate(string? name, LeaderElectionHostOptions options) =>
        !options.Enabled || options.ToElectorOptions().Validate() is not { } problem
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problem);
}

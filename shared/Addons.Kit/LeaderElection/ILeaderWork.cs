namespace Addons.Kit.LeaderElection;

/// <summary>
/// Runs leader-only work: at once when leader election is off; while holding the lease when it is
/// on (cancelled on losing it, the lease released after the work has returned on a graceful stop).
/// </summary>
internal interface ILeaderWork
{
    /// <summary>True while this replica may run leader-only work.</summary>
    bool IsLeading { get; }

    /// <summary>
    /// True once this replica leads or has read a Lease another replica holds. Until then it does not know whether
    /// it will lead, so a replica that is about to lead (and then sync its caches) does not report ready first.
    /// </summary>
    bool KnowsLeader { get; }

    /// <summary>Runs <paramref name="work"/> as leader until <paramref name="stoppingToken"/> is cancelled.</summary>
    /// <param name="work">The leader-only work; its token is cancelled on stop or loss of leadership.</param>
    /// <param name="stoppingToken">The host's stop.</param>
    Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken);
}

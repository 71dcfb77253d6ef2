namespace Addons.Kit.Controllers;

/// <summary>
/// Leader-only work that is not a controller (a poller, a periodic sweep, a scheduler), like
/// controller-runtime's <c>LeaderElectionRunnable</c>. Registered with <c>AddLeaderWork</c>.
/// </summary>
/// <remarks>
/// Runs on the replica that holds the lease (at once when leader election is off), next to the
/// controllers. Stop order: on SIGTERM or loss of leadership its token is cancelled together with the
/// controllers' intake; the host waits for it to return (within the shutdown deadline) before the
/// watches stop and the lease is released. Returning early is allowed (the work is done; leadership is
/// kept until stop). Throwing is a runtime failure: the host stops with exit code 1.
/// </remarks>
public interface ILeaderService
{
    /// <summary>Runs while this replica leads.</summary>
    /// <param name="leading">Cancelled on stop or on loss of leadership: return promptly.</param>
    Task RunAsync(CancellationToken leading);
}

using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Shutdown;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Addons.Kit.LeaderElection;

/// <summary>
/// Leader election on: leader-only work runs while this replica holds the Lease. A graceful stop
/// cancels the work, awaits it, then releases the Lease; an unintended loss stops the host with exit code 1.
/// </summary>
internal sealed partial class ElectedLeader(
    KubeApi api, IOptions<LeaderElectionHostOptions> options, AddonExit exit, ILoggerFactory loggers, TimeProvider time) : ILeaderWork
{
    private LeaderElector? _elector;

    public bool IsLeading => Volatile.Read(ref _elector)?.IsLeader == true;

    public bool KnowsLeader => Volatile.Read(ref _elector)?.KnowsLeader == true;

    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<ElectedLeader>();
        var elector = new LeaderElector(api, options.Value.ToElectorOptions(), loggers.CreateLogger<LeaderElector>(), time);
        Volatile.Write(ref _elector, elector);
        Log.Campaigning(logger, elector.Namespace, elector.LeaseName, elector.Identity);
        try
        {
            await elector.RunAsync(work, onStoppedLeading: null, stoppingToken);
        }
        catch (LeadershipLostException ex)
        {
            // No in-process re-election: Kubernetes restarts us and we campaign again from scratch.
            exit.Fail("leadership lost: " + ex.Message);
        }
    }
}

namespace Addons.Kit.LeaderElection;

/// <summary>Leader election off: this replica runs leader-only work from the start.</summary>
internal sealed class AlwaysLeader : ILeaderWork
{
    private int _leading;

    public bool IsLeading => Volatile.Read(ref _leading) == 1;

    public bool KnowsLeader => IsLeading;

    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        Volatile.Write(ref _leading, 1);
        try
        {
            await work(stoppingToken);
        }
        finally
        {
            Volatile.Write(ref _leading, 0);
        }
    }
}

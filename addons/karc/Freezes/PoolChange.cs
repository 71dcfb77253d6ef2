using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;

namespace Addons.Karc.Freezes;

/// <summary>
/// What one freeze must write to one NodePool: nothing, or new budgets and holders annotation (and the Event's
/// action, when consolidation actually pauses or resumes). Pure.
/// </summary>
/// <param name="Holds">True when the freeze holds the pool once the write (if any) is done.</param>
/// <param name="Write">The write, or null when the pool is already as wanted.</param>
internal sealed record PoolChange(bool Holds, PoolWrite? Write)
{
    public const string Paused = "Paused";

    public const string Resumed = "Resumed";

    /// <summary>Decides the change for <paramref name="freeze"/> on <paramref name="pool"/>.</summary>
    /// <param name="want">True when the freeze should hold the pool paused.</param>
    public static PoolChange Decide(NodePool pool, string freeze, bool want)
    {
        var holders = FreezeOwnership.Holders(pool).ToList();
        var paused = PauseBudgets.IsPaused(pool.Budgets);
        var has = holders.Contains(freeze);
        if (want)
        {
            if (has && paused)
            {
                return new PoolChange(true, null);
            }

            if (!has && paused && holders.Count == 0)
            {
                // Paused by someone else (karc pause, GitOps): not ours to hold, so not ours to release.
                return new PoolChange(false, null);
            }

            var budgets = paused ? pool.Budgets! : PauseBudgets.Pause(pool.Budgets);
            return new PoolChange(true, new PoolWrite(budgets, FreezeOwnership.Format(holders.Append(freeze)), paused ? null : Paused));
        }

        if (!has)
        {
            return new PoolChange(false, null);
        }

        holders.Remove(freeze);
        var last = holders.Count == 0;
        var resume = last && paused;
        return new PoolChange(false, new PoolWrite(resume ? PauseBudgets.Resume(pool.Budgets) : pool.Budgets ?? [], FreezeOwnership.Format(holders), resume ? Resumed : null));
    }
}

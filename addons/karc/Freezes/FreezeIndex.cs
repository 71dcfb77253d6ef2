using System.Collections.Concurrent;
using Addons.Karc.NodePools;
using Addons.Kit.Controllers;

namespace Addons.Karc.Freezes;

/// <summary>
/// Which NodePools each freeze targets, as last seen by the reconciler — so a NodePool change can be
/// mapped to the freezes that care about it (the secondary watch's mapping function).
/// </summary>
internal sealed class FreezeIndex
{
    /// <summary>The NodePool cache's index of the freezes each pool records as holding it (<see cref="FreezeOwnership.Annotation"/>).</summary>
    public const string HeldBy = "karc.io/paused-by";

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _targets = new(StringComparer.Ordinal);

    /// <summary>The reconciler's view of the NodePool watch, indexed by <see cref="HeldBy"/>.</summary>
    public static WatchCache<NodePool> NodePoolCache() => new WatchCache<NodePool>().WithIndex(HeldBy, FreezeOwnership.Holders);

    public void Set(string freeze, IReadOnlyList<string> nodePools) => _targets[freeze] = nodePools;

    public void Remove(string freeze) => _targets.TryRemove(freeze, out _);

    /// <summary>Freezes to reconcile when <paramref name="pool"/> changes: those targeting it and those recorded as holding it.</summary>
    public IEnumerable<ObjectKey> FreezesFor(NodePool pool)
    {
        var keys = new HashSet<string>(FreezeOwnership.Holders(pool), StringComparer.Ordinal);
        foreach (var (freeze, pools) in _targets)
        {
            if (pools.Any(p => p == "*" || p == pool.Name))
            {
                keys.Add(freeze);
            }
        }

        return keys.Select(k => new ObjectKey(null, k));
    }
}

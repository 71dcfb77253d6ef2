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
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _targets = new(StringComparer.Ordinal);

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

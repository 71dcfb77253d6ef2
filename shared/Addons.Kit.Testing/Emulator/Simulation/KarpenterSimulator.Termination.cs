using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>Node termination: taint, drain (PodDisruptionBudgets respected), then the Node and its NodeClaim go.</summary>
internal sealed partial class KarpenterSimulator
{
    private void ReconcileNode(string name, bool deleted)
    {
        if (NodeClaims is not { } claims)
        {
            return;
        }

        var claim = All(claims).FirstOrDefault(c => c["status"]?["nodeName"]?.ToString() == name);
        if (deleted || _store.Find(Nodes, "", name)?.Object is not { } node)
        {
            // The instance is gone: the NodeClaim's finalizer comes off (a live claim whose node vanished is deleted).
            if (claim is not null && Meta.IsDeleting(claim))
            {
                SetFinalizer(claims, Meta.Name(claim), present: false);
            }
            else if (claim is not null)
            {
                _store.Delete(claims, "", Meta.Name(claim), new DeleteOptions());
            }

            return;
        }

        if (!Meta.IsDeleting(node) || !HasFinalizer(node))
        {
            return;
        }

        if (claim is not null && !Meta.IsDeleting(claim))
        {
            // Deleting a Karpenter node deletes its NodeClaim too (and so gets it replaced).
            _store.Delete(claims, "", Meta.Name(claim), new DeleteOptions());
        }

        Taint(node);
        Drain(name);
    }

    private void Taint(JsonObject node)
    {
        if ((node["spec"]?["taints"] as JsonArray)?.Any(t => t?["key"]?.ToString() == DisruptedTaint) == true)
        {
            return;
        }

        _store.Mutate(Nodes, "", Meta.Name(node), (current, _) =>
        {
            var spec = current!["spec"] as JsonObject ?? [];
            var taints = spec["taints"] as JsonArray ?? [];
            taints.Add(new JsonObject { ["key"] = DisruptedTaint, ["effect"] = "NoSchedule" });
            spec["taints"] = taints;
            current["spec"] = spec;
            return current;
        }, WriteMode.Main, createIfMissing: false);
    }

    private void DrainAll()
    {
        foreach (var node in All(Nodes).Where(n => Meta.IsDeleting(n) && HasFinalizer(n)).Select(Meta.Name).ToList())
        {
            Drain(node);
        }
    }

    /// <summary>
    /// Evicts what the PodDisruptionBudgets allow right now, the way the eviction API does: a pod goes only while every
    /// budget covering it has <c>disruptionsAllowed</c> &gt; 0, and each eviction takes one off that status at once (the
    /// workload simulator recomputes it from the pods afterwards). The rest waits for the next change. DaemonSet pods
    /// stay (they go with the node). Once nothing evictable is left the Node's finalizer comes off.
    /// </summary>
    private void Drain(string nodeName)
    {
        var pods = All(Pods).Where(p => p["spec"]?["nodeName"]?.ToString() == nodeName
            && WorkloadSimulator.Controller(p)?["kind"]?.ToString() != "DaemonSet").ToList();
        var remaining = 0;
        foreach (var pod in pods)
        {
            var ns = Meta.Namespace(pod);
            var terminal = pod["status"]?["phase"]?.ToString() is "Succeeded" or "Failed";
            var covering = terminal ? [] : All(Pdbs, ns).Where(b => !Meta.IsDeleting(b) && WorkloadSimulator.Selector(b["spec"]?["selector"]).Matches(Meta.Labels(pod))).ToList();
            if (Meta.IsDeleting(pod) || covering.Any(b => Meta.Long(b["status"]?["disruptionsAllowed"]) is <= 0))
            {
                remaining++;
                continue;
            }

            foreach (var budget in covering.Where(b => b["status"]?["disruptionsAllowed"] is not null))
            {
                _store.Mutate(Pdbs, ns, Meta.Name(budget), (current, _) =>
                {
                    current!["status"]!["disruptionsAllowed"] = (Meta.Long(current["status"]!["disruptionsAllowed"]) ?? 1) - 1;
                    return current;
                }, WriteMode.Status, createIfMissing: false);
            }

            _store.Delete(Pods, ns, Meta.Name(pod), new DeleteOptions());
            remaining += _store.Find(Pods, ns, Meta.Name(pod)) is null ? 0 : 1;
        }

        if (remaining == 0)
        {
            SetFinalizer(Nodes, nodeName, present: false);
        }
    }
}

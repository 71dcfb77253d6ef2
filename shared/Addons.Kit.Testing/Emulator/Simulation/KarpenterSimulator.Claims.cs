using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>NodeClaims: the termination finalizer, launch after the delay, replacement when deleted.</summary>
internal sealed partial class KarpenterSimulator
{
    private void ReconcileNodeClaim(string name, JsonObject seen, bool deleted)
    {
        var kind = NodeClaims!;
        var uid = Meta.Str(seen, "uid") ?? "";
        var claim = deleted ? null : _store.Find(kind, "", name)?.Object;
        if (claim is null || Meta.IsDeleting(claim))
        {
            CancelLaunch(uid);
            Replace(seen);
            var nodeName = seen["status"]?["nodeName"]?.ToString();
            var node = nodeName is null ? null : _store.Find(Nodes, "", nodeName)?.Object;
            if (node is not null && !Meta.IsDeleting(node))
            {
                // Karpenter's termination: deleting the NodeClaim deletes its Node, whose finalizer drains it.
                _store.Delete(Nodes, "", nodeName!, new DeleteOptions());
            }
            else if (node is null && claim is not null && HasFinalizer(claim))
            {
                SetFinalizer(kind, name, present: false);
            }

            return;
        }

        if (!HasFinalizer(claim))
        {
            SetFinalizer(kind, name, present: true);
        }

        if (claim["status"]?["nodeName"]?.ToString() is { } existing)
        {
            Adopt(name, existing);
        }
        else if (!_launches.ContainsKey(uid))
        {
            ScheduleLaunch(uid, _options.LaunchDelay);
        }
    }

    /// <summary>A NodeClaim written with a node already (seeded): the Node gets the finalizer, the claim a launched status.</summary>
    private void Adopt(string claimName, string nodeName)
    {
        if (_store.Find(Nodes, "", nodeName)?.Object is not { } node || Meta.IsDeleting(node))
        {
            return;
        }

        if (!HasFinalizer(node))
        {
            SetFinalizer(Nodes, nodeName, present: true);
        }

        var providerId = node["spec"]?["providerID"]?.ToString();
        SetStatus(NodeClaims!, claimName, current => LaunchedStatus(current, nodeName, providerId ?? ProviderId(current), node["status"]?["nodeInfo"]?["kubeletVersion"]?.ToString()));
    }

    /// <summary>Once per deleted NodeClaim of a live NodePool: a new NodeClaim with the same labels and spec, launched after the delay.</summary>
    private void Replace(JsonObject old)
    {
        var uid = Meta.Str(old, "uid") ?? "";
        var pool = Meta.Labels(old)?[NodePoolLabel]?.ToString();
        if (pool is null || !_replaced.Add(uid) || NodePools is not { } pools || _store.Find(pools, "", pool)?.Object is not { } nodePool || Meta.IsDeleting(nodePool))
        {
            return;
        }

        var labels = (Meta.Labels(old)?.DeepClone() as JsonObject) ?? [];
        foreach (var key in new[] { "karpenter.sh/registered", "karpenter.sh/initialized", "kubernetes.io/hostname" })
        {
            labels.Remove(key);
        }

        _store.Create(NodeClaims!, "", new JsonObject
        {
            ["apiVersion"] = "karpenter.sh/v1",
            ["kind"] = "NodeClaim",
            ["metadata"] = new JsonObject
            {
                ["generateName"] = pool + "-",
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["emulator.addons.io/replaces"] = Meta.Name(old) },
                ["finalizers"] = new JsonArray(TerminationFinalizer),
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "karpenter.sh/v1", ["kind"] = "NodePool", ["name"] = pool, ["uid"] = Meta.Str(nodePool, "uid"), ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = old["spec"]?.DeepClone() ?? new JsonObject(),
        }, WriteMode.Main);
    }

    private void ScheduleLaunch(string uid, TimeSpan delay) =>
        _launches[uid] = _time.CreateTimer(_ => _store.Run(() => Launch(uid)), null, delay, Timeout.InfiniteTimeSpan);

    private void CancelLaunch(string uid)
    {
        if (_launches.Remove(uid, out var timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>The instance is up: a Ready Node registers (at the NodePool's current kubelet version) and the claim is Ready.</summary>
    private void Launch(string uid)
    {
        if (_disposed || !_launches.Remove(uid, out var timer))
        {
            return;
        }

        timer.Dispose();
        var claim = All(NodeClaims).FirstOrDefault(c => Meta.Str(c, "uid") == uid);
        if (claim is null || Meta.IsDeleting(claim) || claim["status"]?["nodeName"] is not null)
        {
            return;
        }

        try
        {
            var claimName = Meta.Name(claim);
            var pool = Meta.Labels(claim)?[NodePoolLabel]?.ToString();
            var version = VersionFor(pool);
            var zone = Meta.Labels(claim)?["topology.kubernetes.io/zone"]?.ToString() ?? "us-west-2a";
            var region = zone.TrimEnd("abcdefghijklmnopqrstuvwxyz".ToCharArray());
            var nodeName = NodeName(uid, region);
            var providerId = $"aws:///{zone}/i-{Hex(uid, 17)}";
            var labels = (Meta.Labels(claim)?.DeepClone() as JsonObject) ?? [];
            labels["kubernetes.io/hostname"] = nodeName;
            labels["kubernetes.io/os"] = "linux";
            labels["topology.kubernetes.io/zone"] = zone;
            labels["karpenter.sh/registered"] = "true";
            labels["karpenter.sh/initialized"] = "true";
            var node = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Node",
                ["metadata"] = new JsonObject { ["name"] = nodeName, ["labels"] = labels, ["finalizers"] = new JsonArray(TerminationFinalizer) },
                ["spec"] = new JsonObject { ["providerID"] = providerId },
                ["status"] = new JsonObject { ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = version } },
            };
            node["status"] = SimulatedNode.ReadyStatus(node, nodeName, version, Now);
            _store.Create(Nodes, "", node, WriteMode.Admin);
            SetStatus(NodeClaims!, claimName, current => LaunchedStatus(current, nodeName, providerId, version));
        }
        catch (ApiError)
        {
            // Refused (e.g. the claim changed under us): try again after the delay, as Karpenter requeues.
            ScheduleLaunch(uid, _options.LaunchDelay);
        }
    }

    private JsonObject LaunchedStatus(JsonObject claim, string nodeName, string providerId, string? version)
    {
        var status = claim["status"] as JsonObject ?? [];
        var copy = (JsonObject)status.DeepClone();
        copy["nodeName"] = nodeName;
        copy["providerID"] = providerId;
        copy["imageID"] ??= "ami-" + Hex(version ?? "", 17);
        copy["capacity"] ??= new JsonObject { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "110" };
        copy["allocatable"] ??= new JsonObject { ["cpu"] = "3920m", ["memory"] = "15Gi", ["pods"] = "110" };
        copy["conditions"] = new JsonArray(
            Condition(status, "Launched", "True", "Launched", ""),
            Condition(status, "Registered", "True", "Registered", ""),
            Condition(status, "Initialized", "True", "Initialized", ""),
            Condition(status, "Ready", "True", "Ready", ""));
        return copy;
    }

    private static string ProviderId(JsonObject claim) =>
        $"aws:///{Meta.Labels(claim)?["topology.kubernetes.io/zone"]?.ToString() ?? "us-west-2a"}/i-{Hex(Meta.Str(claim, "uid") ?? "", 17)}";

    /// <summary>The kubelet version for a node of <paramref name="pool"/> launched now (see <see cref="KarpenterSimulation"/>).</summary>
    private string VersionFor(string? pool)
    {
        var nodePool = pool is null || NodePools is not { } pools ? null : _store.Find(pools, "", pool)?.Object;
        if (nodePool?["metadata"]?["annotations"]?[KarpenterSimulation.KubeletVersionAnnotation]?.ToString() is { Length: > 0 } onPool)
        {
            return onPool;
        }

        var className = nodePool?["spec"]?["template"]?["spec"]?["nodeClassRef"]?["name"]?.ToString();
        var nodeClass = className is null || NodeClasses is not { } classes ? null : _store.Find(classes, "", className)?.Object;
        return nodeClass?["metadata"]?["annotations"]?[KarpenterSimulation.KubeletVersionAnnotation]?.ToString() is { Length: > 0 } onClass
            ? onClass
            : _options.KubeletVersionSource?.Invoke() ?? _options.KubeletVersion;
    }

    /// <summary>An EC2-style private DNS name that no node has yet.</summary>
    private string NodeName(string uid, string region)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hex = Hex(uid + attempt.ToString(CultureInfo.InvariantCulture), 4);
            var name = string.Create(CultureInfo.InvariantCulture, $"ip-10-0-{Convert.ToInt32(hex[..2], 16)}-{Convert.ToInt32(hex[2..], 16)}.{region}.compute.internal");
            if (_store.Find(Nodes, "", name) is null)
            {
                return name;
            }
        }
    }
}

using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>The scheduler and the kubelet: Nodes Ready, Pods bound and Running (or Succeeded for Jobs).</summary>
internal sealed partial class WorkloadSimulator
{
    private void ReconcileNode(string name)
    {
        if (_store.Find(Nodes, "", name)?.Object is not { } node || Meta.IsDeleting(node)
            || (node["status"]?["conditions"] as JsonArray)?.Any(c => c?["type"]?.ToString() == "Ready") == true)
        {
            return;
        }

        SetStatus(Nodes, "", name, current => SimulatedNode.ReadyStatus(current, name, _options.KubeletVersion, Now));
    }

    private void ReconcilePod(string ns, string name)
    {
        if (_store.Find(Pods, ns, name)?.Object is not { } pod || Meta.IsDeleting(pod))
        {
            return;
        }

        var phase = pod["status"]?["phase"]?.ToString();
        if (phase is "Succeeded" or "Failed")
        {
            return;
        }

        var nodeName = pod["spec"]?["nodeName"]?.ToString();
        if (nodeName is not null && _store.Find(Nodes, "", nodeName) is null)
        {
            // Pod garbage collection: a pod bound to a node that no longer exists is deleted (its controller makes a new one).
            DeleteObject(Pods, ns, name);
            return;
        }

        if (nodeName is null)
        {
            if (Schedule(pod) is not { } chosen)
            {
                return;
            }

            nodeName = chosen;
            _store.Mutate(Pods, ns, name, (current, _) =>
            {
                current!["spec"]!["nodeName"] = chosen;
                return current;
            }, WriteMode.Admin, createIfMissing: false);
        }

        var completes = Controller(pod)?["kind"]?.ToString() == "Job";
        if (phase == (completes ? "Succeeded" : "Running"))
        {
            return;
        }

        var node = _store.Find(Nodes, "", nodeName)!.Object;
        var hostIp = (node["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(a => a["type"]?.ToString() == "InternalIP")?["address"]?.ToString() ?? SimulatedNode.Ip("10.0", nodeName);
        SetStatus(Pods, ns, name, current => PodStatus(current, hostIp, completes));
    }

    private JsonObject PodStatus(JsonObject pod, string hostIp, bool completes)
    {
        var now = Now;
        var podIp = SimulatedNode.Ip("10.244", Meta.Str(pod, "uid") ?? Meta.Name(pod));
        JsonObject Condition(string type, bool value, string? reason = null) => new()
        {
            ["type"] = type, ["status"] = value ? "True" : "False", ["lastProbeTime"] = null, ["lastTransitionTime"] = now,
            ["reason"] = reason,
        };
        var containers = new JsonArray();
        foreach (var container in (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var state = completes
                ? new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 0, ["reason"] = "Completed", ["startedAt"] = now, ["finishedAt"] = now, ["containerID"] = "containerd://" + TemplateHash(container) } }
                : new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            containers.Add(new JsonObject
            {
                ["name"] = container["name"]?.ToString(),
                ["image"] = container["image"]?.ToString(),
                ["imageID"] = container["image"]?.ToString() + "@sha256:" + new string('0', 64),
                ["containerID"] = "containerd://" + TemplateHash(container),
                ["ready"] = !completes,
                ["started"] = !completes,
                ["restartCount"] = 0,
                ["state"] = state,
            });
        }

        return new JsonObject
        {
            ["phase"] = completes ? "Succeeded" : "Running",
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", !completes),
                Condition("Initialized", true, completes ? "PodCompleted" : null),
                Condition("Ready", !completes, completes ? "PodCompleted" : null),
                Condition("ContainersReady", !completes, completes ? "PodCompleted" : null),
                Condition("PodScheduled", true)),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = now,
            ["qosClass"] = "BestEffort",
            ["containerStatuses"] = containers,
        };
    }

    /// <summary>The least-loaded Ready, schedulable node matching the pod's nodeSelector, or null.</summary>
    private string? Schedule(JsonObject pod)
    {
        var selector = pod["spec"]?["nodeSelector"] as JsonObject;
        var nodes = SchedulableNodes(selector);
        if (nodes.Count == 0)
        {
            return null;
        }

        var load = _store.List(Pods, ListQuery.All()).Items
            .GroupBy(p => p.Object["spec"]?["nodeName"]?.ToString() ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return nodes.OrderBy(n => load.GetValueOrDefault(n)).ThenBy(n => n, StringComparer.Ordinal).First();
    }

    private List<string> SchedulableNodes(JsonObject? nodeSelector) =>
        _store.List(Nodes, ListQuery.All()).Items.Select(n => n.Object)
            .Where(n => !Meta.IsDeleting(n) && !SchemaFlag(n["spec"]?["unschedulable"]) && IsReadyNode(n)
                && (nodeSelector ?? []).All(kv => Meta.Labels(n)?[kv.Key]?.ToString() == kv.Value?.ToString()))
            .Select(Meta.Name).ToList();

    private static bool IsReadyNode(JsonObject node) =>
        (node["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true;
}

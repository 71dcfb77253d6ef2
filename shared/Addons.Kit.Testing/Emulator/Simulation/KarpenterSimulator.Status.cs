using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>NodePool status (node count and summed capacity, as Karpenter v1's counter writes it) and EC2NodeClass readiness.</summary>
internal sealed partial class KarpenterSimulator
{
    private void UpdateNodePool(string? name)
    {
        if (name is null || NodePools is not { } pools || _store.Find(pools, "", name)?.Object is not { } pool || Meta.IsDeleting(pool))
        {
            return;
        }

        var nodes = All(Nodes).Where(n => Meta.Labels(n)?[NodePoolLabel]?.ToString() == name).ToList();
        var resources = new JsonObject();
        foreach (var resource in new[] { "cpu", "ephemeral-storage", "memory", "pods" })
        {
            var values = nodes.Select(n => n["status"]?["capacity"]?[resource]?.ToString()).OfType<string>().ToList();
            if (values.Count > 0)
            {
                resources[resource] = Quantity.Sum(values);
            }
        }

        resources["nodes"] = nodes.Count.ToString(CultureInfo.InvariantCulture);
        var className = pool["spec"]?["template"]?["spec"]?["nodeClassRef"]?["name"]?.ToString();
        var nodeClass = className is null || NodeClasses is not { } classes ? null : _store.Find(classes, "", className)?.Object;
        SetStatus(pools, name, current =>
        {
            var status = (current["status"] as JsonObject)?.DeepClone() as JsonObject ?? [];
            var old = current["status"] as JsonObject;
            status["resources"] = resources;
            status["nodes"] = nodes.Count;
            if (nodeClass is not null)
            {
                status["nodeClassObservedGeneration"] = Meta.Long(nodeClass["metadata"]?["generation"]);
            }

            var classReady = nodeClass is not null;
            status["conditions"] = new JsonArray(
                Condition(old, "ValidationSucceeded", "True", "ValidationSucceeded", ""),
                Condition(old, "NodeClassReady", classReady ? "True" : "False", classReady ? "NodeClassReady" : "NodeClassNotFound", classReady ? "" : $"NodeClass {className} not found"),
                Condition(old, "Ready", classReady ? "True" : "False", classReady ? "Ready" : "NodeClassNotReady", classReady ? "" : "NodeClassReady=False"));
            return status;
        });
    }

    private void UpdateNodeClass(string name)
    {
        SetStatus(NodeClasses!, name, current =>
        {
            var old = current["status"] as JsonObject;
            var status = old?.DeepClone() as JsonObject ?? [];
            status["conditions"] = new JsonArray(
                Condition(old, "AMIsReady", "True", "AMIsReady", ""),
                Condition(old, "SubnetsReady", "True", "SubnetsReady", ""),
                Condition(old, "SecurityGroupsReady", "True", "SecurityGroupsReady", ""),
                Condition(old, "InstanceProfileReady", "True", "InstanceProfileReady", ""),
                Condition(old, "Ready", "True", "Ready", ""));
            return status;
        });

        foreach (var pool in All(NodePools).Where(p => p["spec"]?["template"]?["spec"]?["nodeClassRef"]?["name"]?.ToString() == name).ToList())
        {
            UpdateNodePool(Meta.Name(pool));
        }
    }
}

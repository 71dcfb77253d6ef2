using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>What a kubelet reports for a healthy node: conditions, nodeInfo, addresses, capacity.</summary>
internal static class SimulatedNode
{
    /// <summary>The node's status made Ready, keeping any nodeInfo, addresses and capacity it already states.</summary>
    public static JsonObject ReadyStatus(JsonObject node, string name, string kubeletVersion, string now)
    {
        var status = node["status"] as JsonObject ?? [];
        JsonObject Condition(string type, string value, string reason, string message) => new()
        {
            ["type"] = type, ["status"] = value, ["reason"] = reason, ["message"] = message,
            ["lastHeartbeatTime"] = now, ["lastTransitionTime"] = now,
        };
        status["conditions"] = new JsonArray(
            Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"));
        var nodeInfo = status["nodeInfo"] as JsonObject ?? [];
        nodeInfo["kubeletVersion"] ??= kubeletVersion;
        nodeInfo["kubeProxyVersion"] ??= nodeInfo["kubeletVersion"]?.ToString();
        nodeInfo["containerRuntimeVersion"] ??= "containerd://2.1.4";
        nodeInfo["operatingSystem"] ??= "linux";
        nodeInfo["architecture"] ??= "amd64";
        nodeInfo["osImage"] ??= "Amazon Linux 2023";
        status["nodeInfo"] = nodeInfo;
        status["addresses"] ??= new JsonArray(
            new JsonObject { ["type"] = "InternalIP", ["address"] = Ip("10.0", name) },
            new JsonObject { ["type"] = "Hostname", ["address"] = name });
        status["capacity"] ??= new JsonObject { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "110" };
        status["allocatable"] ??= new JsonObject { ["cpu"] = "3920m", ["memory"] = "15Gi", ["pods"] = "110" };
        return status;
    }

    /// <summary>A stable made-up address under <paramref name="prefix"/> for <paramref name="seed"/>.</summary>
    public static string Ip(string prefix, string seed)
    {
        var hash = (uint)seed.GetHashCode(StringComparison.Ordinal);
        return $"{prefix}.{(hash >> 8) & 0xff}.{(hash & 0xfd) + 2}";
    }
}

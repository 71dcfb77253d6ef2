namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// Turns on the workload simulator (<see cref="EmulatorOptions.Workloads"/>): it moves status the way the
/// controllers and kubelets of a real cluster would, instantly and without running containers —
/// Deployments → ReplicaSets → Pods, StatefulSets and DaemonSets → Pods, Jobs → Pods that succeed,
/// Pods bound to the least-loaded Ready node and Running/Ready, Nodes Ready with a kubelet version,
/// PodDisruptionBudget status.
/// </summary>
public sealed class WorkloadSimulation
{
    /// <summary>Kubelet version reported by Nodes that do not state one.</summary>
    /// <value>The default value is "v1.34.2".</value>
    public string KubeletVersion { get; init; } = "v1.34.2";

    /// <summary>Nodes created at start (pods need a node to run on).</summary>
    /// <value>The default value is one node, "node-1".</value>
    public IReadOnlyList<string> Nodes { get; init; } = ["node-1"];
}

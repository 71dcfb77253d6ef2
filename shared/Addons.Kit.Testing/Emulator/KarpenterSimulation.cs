namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// Turns on the Karpenter simulator (<see cref="EmulatorOptions.Karpenter"/>): NodeClaims (karpenter.sh/v1) get
/// Nodes, a deleted NodeClaim is drained and replaced, NodePools count their nodes — the parts of Karpenter that
/// node-replacing addons (kuo) and NodePool tools (karc) observe. Needs the Karpenter CRDs to be installed; pods move
/// only when <see cref="EmulatorOptions.Workloads"/> is on too.
/// <para><b>Lifecycle</b> (as Karpenter v1 does it for a deleted NodeClaim): the NodeClaim and its Node carry the
/// finalizer <c>karpenter.sh/termination</c>; deleting the NodeClaim deletes the Node, which is tainted
/// <c>karpenter.sh/disrupted:NoSchedule</c> and drained (pods evicted, PodDisruptionBudgets respected, DaemonSet pods
/// left to go with the node, bare pods just deleted), then the Node goes, then the NodeClaim. A replacement NodeClaim
/// for the same NodePool (label <c>karpenter.sh/nodepool</c>) is created at once, without a node; after
/// <see cref="LaunchDelay"/> it is launched: a Ready Node registers, and controllers' pods are scheduled onto it.</para>
/// <para><b>Kubelet version</b> of a node launched now: the annotation <see cref="KubeletVersionAnnotation"/> on its
/// NodePool, else on the NodePool's EC2NodeClass, else <see cref="KubeletVersionSource"/> when set (the sandbox follows
/// its EKS cluster's control-plane version, as an <c>al2023@latest</c> AMI alias does), else <see cref="KubeletVersion"/>
/// — change any of them to simulate a new AMI (e.g. after a control-plane upgrade) and replace nodes to pick it up.</para>
/// </summary>
public sealed class KarpenterSimulation
{
    /// <summary>Annotation on a NodePool or EC2NodeClass naming the kubelet version of nodes launched from now on ("v1.35.0").</summary>
    public const string KubeletVersionAnnotation = "emulator.addons.io/kubelet-version";

    /// <summary>How long a NodeClaim takes from creation to a Ready Node (EC2 launch and kubelet registration), on the emulator's <see cref="EmulatorOptions.TimeProvider"/>.</summary>
    /// <value>The default value is 5 seconds (real launches take about a minute; short enough for a demo, long enough to watch the Pending pods).</value>
    public TimeSpan LaunchDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Kubelet version of nodes launched when neither the NodePool nor its EC2NodeClass carries <see cref="KubeletVersionAnnotation"/>.
    /// May be changed while the emulator runs: nodes launched afterwards report the new version.
    /// </summary>
    /// <value>The default value is "v1.34.2", the workload simulator's default.</value>
    public string KubeletVersion
    {
        get => Volatile.Read(ref _kubeletVersion);
        set => Volatile.Write(ref _kubeletVersion, value);
    }

    /// <summary>When set, asked at each launch for the kubelet version (unless an annotation names one), instead of <see cref="KubeletVersion"/>.</summary>
    /// <value>The default value is null.</value>
    public Func<string>? KubeletVersionSource { get; init; }

    private string _kubeletVersion = "v1.34.2";
}

using Addons.Kit.Testing.Crds;

namespace Addons.Kit.Testing.Tests.Emulator;

/// <summary>A small Karpenter cluster: the CRDs, one NodePool with a Node and its NodeClaim, and workloads on that node.</summary>
internal static class KarpenterYaml
{
    public const string NodeName = "ip-10-0-1-17.ap-northeast-2.compute.internal";

    public static string Crds => string.Join("\n---\n", KarpenterCrds.CurrentFiles().Select(File.ReadAllText));

    public const string Cluster = """
        apiVersion: karpenter.k8s.aws/v1
        kind: EC2NodeClass
        metadata: {name: default}
        spec: {role: KarpenterNodeRole-demo, amiSelectorTerms: [{alias: al2023@latest}]}
        ---
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata: {name: general}
        spec:
          template: {spec: {nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}}}
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: ip-10-0-1-17.ap-northeast-2.compute.internal
          labels: {karpenter.sh/nodepool: general, topology.kubernetes.io/zone: ap-northeast-2a}
        ---
        apiVersion: karpenter.sh/v1
        kind: NodeClaim
        metadata:
          name: general-7x2kq
          labels: {karpenter.sh/nodepool: general, node.kubernetes.io/instance-type: m7g.large, topology.kubernetes.io/zone: ap-northeast-2a}
        spec:
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
        status: {nodeName: ip-10-0-1-17.ap-northeast-2.compute.internal}
        """;

    /// <summary>A Deployment of 2 with a PDB that allows one disruption, a DaemonSet and a bare pod.</summary>
    public const string Workloads = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx:1}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: default}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: web}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: default}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: agent:1}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: bare, namespace: default}
        spec: {containers: [{name: bare, image: busybox}]}
        """;
}

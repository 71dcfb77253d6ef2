namespace Addons.Footprint;

/// <summary>
/// The addons the harness measures. An addon plugs in with one entry; entries whose project does not
/// exist yet are skipped, so the table can name addons before they land.
/// </summary>
internal static class AddonCatalog
{
    // The kit's settings as environment variables (Microsoft.Extensions.Configuration: "__" = ":").
    // Leader election on, as in the charts (2 replicas), so every run holds a Lease.
    private static readonly Dictionary<string, string> KitEnvironment = new()
    {
        ["KUBECONFIG"] = "{kubeconfig}",
        ["Kubernetes__Kubeconfig"] = "{kubeconfig}",
        ["Health__Port"] = "{port}",
        ["Health__BindAddress"] = "127.0.0.1",
        ["LeaderElection__Enabled"] = "true",
        ["LeaderElection__LeaseName"] = "{lease}",
        ["LeaderElection__LeaseNamespace"] = "{namespace}",
        ["LeaderElection__Namespace"] = "{namespace}",
        ["Logging__Level"] = "Information",
    };

    // The minimal host watches ConfigMaps; its reconcile takes 500 ms so SIGTERM meets one in flight (kit.md).
    private static readonly Dictionary<string, string> MinimalHostEnvironment = new(KitEnvironment)
    {
        ["Watch__Namespace"] = "{namespace}",
        ["Watch__ReconcileDelay"] = "00:00:00.500",
    };

    private const string ConfigMapTemplate = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: footprint-{i}
          namespace: {namespace}
        data:
          index: "{i}"
        """;

    private const string FreezeTemplate = """
        apiVersion: karc.io/v1alpha1
        kind: ConsolidationFreeze
        metadata:
          name: footprint-{i}
        spec:
          nodePools: ["general"]
          window: {start: "2020-01-01T00:00:00Z", end: "2020-01-02T00:00:00Z"}
        """;

    // Karpenter's NodePool CRD, reduced to what the emulator needs to serve the kind.
    private const string NodePoolCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: nodepools.karpenter.sh
        spec:
          group: karpenter.sh
          scope: Cluster
          names: {plural: nodepools, singular: nodepool, kind: NodePool, listKind: NodePoolList}
          versions:
            - name: v1
              served: true
              storage: true
              subresources: {status: {}}
              schema:
                openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    private const string NodePool = """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          disruption:
            consolidationPolicy: WhenEmptyOrUnderutilized
            consolidateAfter: 0s
            budgets: [{nodes: "10%"}]
        """;

    /// <summary>All entries, the kit's minimal host first (the baseline of the kit itself).</summary>
    public static IReadOnlyList<AddonSpec> All { get; } =
    [
        new("minimal-host", "shared/Addons.MinimalHost/Addons.MinimalHost.csproj", "minimal-host",
            [], MinimalHostEnvironment, UsesApi: true, SetupYaml: "", ConfigMapTemplate, ConfigMapTemplate),
        new("karc", "addons/karc/Karc.csproj", "karc",
            ["controller"], KitEnvironment, UsesApi: true,
            SetupYaml: NodePoolCrd + "\n---\n@charts/karc/crds\n---\n" + NodePool, FreezeTemplate, FreezeTemplate),
        new("cleaner", "addons/cleaner/Cleaner.csproj", "cleaner",
            ["--cleanup-mode", "interval", "--target-paths", "{workdir}", "--usage-threshold-percent", "100",
             "--check-interval-minutes", "60", "--metrics-port", "{port}", "--log-level", "warn"],
            new Dictionary<string, string>(), UsesApi: false, SetupYaml: "", BurstTemplate: null, InFlightTemplate: null),
    ];
}

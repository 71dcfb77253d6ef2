namespace Addons.Kit.Testing.Emulator;

/// <summary>How a <see cref="KubeApiEmulator"/> listens and how much watch history it keeps.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Loopback port to listen on.</summary>
    /// <value>The default value is 0: a free port chosen by the OS (read it back from <see cref="KubeApiEmulator.BaseUrl"/>).</value>
    public int Port { get; init; }

    /// <summary>
    /// Serve HTTPS with a generated CA (written into kubeconfigs). Needed when kubectl/helm must send a
    /// ServiceAccount token: client-go drops credentials for plain-HTTP servers.
    /// </summary>
    /// <value>The default value is false (plain HTTP).</value>
    public bool Https { get; init; }

    /// <summary>How many changes the store keeps for watch resume; a watch from an older resourceVersion gets 410 Expired.</summary>
    /// <value>The default value is 10,000 (the real watch cache keeps a time window instead; a count is deterministic in tests).</value>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks receives one.</summary>
    /// <value>The default value is 5 seconds (the real server sends roughly one a minute; tests want to see them sooner).</value>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Clock for timestamps (creation, deletion) and ages in table output.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Namespaces that exist from the start, as in a fresh cluster.</summary>
    /// <value>The default value is default, kube-system, kube-public and kube-node-lease.</value>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>The workload simulator (Pods for Deployments/DaemonSets/Jobs, Nodes Ready, PDB status), or null for none.</summary>
    /// <value>The default value is null: no controllers run, as before.</value>
    public WorkloadSimulation? Workloads { get; init; }

    /// <summary>The Karpenter simulator (NodeClaims launch Nodes, deleted NodeClaims are drained and replaced, NodePool status), or null for none.</summary>
    /// <value>The default value is null: NodeClaims and NodePools are stored as written.</value>
    public KarpenterSimulation? Karpenter { get; init; }

    /// <summary>
    /// A file holding the cluster's objects across restarts: when it exists, <see cref="KubeApiEmulator.StartAsync"/>
    /// starts from it (resourceVersions continue where they stopped, <see cref="InitialNamespaces"/> is not applied)
    /// and <see cref="KubeApiEmulator.SaveStateAsync"/> writes it (atomically: a temporary file, then a rename).
    /// A file that cannot be read as a saved state fails the start with an <see cref="InvalidDataException"/> naming it.
    /// </summary>
    /// <value>The default value is null: the cluster lives in memory only.</value>
    public string? StateFile { get; init; }

    /// <summary>
    /// A bearer token that acts as the cluster admin; when set, a request without a known token is refused
    /// with 401 (health endpoints, discovery and OpenAPI stay open) and <see cref="KubeApiEmulator.WriteKubeconfig"/>
    /// writes it as the user's token. Needs <see cref="Https"/> for kubectl/helm to send it.
    /// </summary>
    /// <value>The default value is null: requests without a token act as the admin.</value>
    public string? AdminToken { get; init; }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>
/// Karpenter v1 reduced to what clients observe (see <see cref="KarpenterSimulation"/>): NodeClaims launch Nodes after
/// a delay, a deleted NodeClaim is drained and replaced, NodePools and EC2NodeClasses get status. Reacts to committed
/// changes under the store lock like <see cref="WorkloadSimulator"/>; launches are timers on the emulator's TimeProvider.
/// <para><b>Caveats:</b> every deleted NodeClaim is replaced 1:1 (real Karpenter launches for pending pods, and may
/// pick another size); no provisioning for pending pods, no consolidation, drift or expiry; NodePool limits, weights
/// and disruption budgets are not enforced; the drain has no timeout (a PDB that never allows a disruption blocks it,
/// as in a real cluster without terminationGracePeriod).</para>
/// </summary>
internal sealed partial class KarpenterSimulator : IDisposable
{
    private const string TerminationFinalizer = "karpenter.sh/termination";
    private const string NodePoolLabel = "karpenter.sh/nodepool";
    private const string DisruptedTaint = "karpenter.sh/disrupted";

    private readonly ObjectStore _store;
    private readonly KarpenterSimulation _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ITimer> _launches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private bool _disposed;

    public KarpenterSimulator(ObjectStore store, KarpenterSimulation options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
        Nodes = Kind("", "v1", "nodes")!;
        Pods = Kind("", "v1", "pods")!;
        Pdbs = Kind("policy", "v1", "poddisruptionbudgets")!;
    }

    private ResourceKind Nodes { get; }

    private ResourceKind Pods { get; }

    private ResourceKind Pdbs { get; }

    /// <summary>The NodeClaim kind, once its CRD is installed.</summary>
    private ResourceKind? NodeClaims => Kind("karpenter.sh", "v1", "nodeclaims");

    private ResourceKind? NodePools => Kind("karpenter.sh", "v1", "nodepools");

    private ResourceKind? NodeClasses => Kind("karpenter.k8s.aws", "v1", "ec2nodeclasses");

    private string Now => Meta.Timestamp(_time.GetUtcNow());

    public void Start() => _store.AddReactor(React);

    /// <summary>After a restored state: NodeClaims not launched yet get their launch (after the full delay), drains carry on.</summary>
    public void Resume() => _store.Run(() =>
    {
        foreach (var claim in All(NodeClaims).ToList())
        {
            ReconcileNodeClaim(Meta.Name(claim), claim, deleted: false);
        }

        DrainAll();
    });

    /// <summary>Stops pending launches; a NodeClaim not launched yet stays without a node.</summary>
    public void Dispose() => _store.Run(() =>
    {
        _disposed = true;
        foreach (var timer in _launches.Values)
        {
            timer.Dispose();
        }

        _launches.Clear();
    });

    private void React(WatchEvent change)
    {
        if (_disposed)
        {
            return;
        }

        var obj = change.Object.Object;
        var name = change.Object.Name;
        switch (change.Object.StorageKey)
        {
            case "karpenter.sh/nodeclaims":
                ReconcileNodeClaim(name, obj, change.Type == WatchEvent.Deleted);
                UpdateNodePool(Meta.Labels(obj)?[NodePoolLabel]?.ToString());
                break;
            case "/nodes":
                ReconcileNode(name, change.Type == WatchEvent.Deleted);
                UpdateNodePool(Meta.Labels(obj)?[NodePoolLabel]?.ToString());
                DrainAll();
                break;
            case "karpenter.sh/nodepools" when change.Type != WatchEvent.Deleted:
                UpdateNodePool(name);
                break;
            case "karpenter.k8s.aws/ec2nodeclasses" when change.Type != WatchEvent.Deleted:
                UpdateNodeClass(name);
                break;
            case "/pods":
            case "policy/poddisruptionbudgets":
                DrainAll();
                break;
        }
    }

    private ResourceKind? Kind(string group, string version, string plural) => _store.Registry.Find(group, version, plural);

    private IEnumerable<JsonObject> All(ResourceKind? kind, string? ns = null) =>
        kind is null ? [] : _store.List(kind, ListQuery.All(ns)).Items.Select(i => i.Object);

    private static bool HasFinalizer(JsonObject obj) => Meta.Finalizers(obj)?.Any(f => f?.ToString() == TerminationFinalizer) == true;

    /// <summary>Adds or removes the termination finalizer (no-op writes commit nothing).</summary>
    private void SetFinalizer(ResourceKind kind, string name, bool present) =>
        _store.Mutate(kind, "", name, (current, _) =>
        {
            var meta = Meta.Of(current!);
            var finalizers = Meta.Finalizers(current!)?.Select(f => f?.ToString()).OfType<string>().Where(f => f != TerminationFinalizer).ToList() ?? [];
            if (present)
            {
                finalizers.Add(TerminationFinalizer);
            }

            if (finalizers.Count == 0)
            {
                meta.Remove("finalizers");
            }
            else
            {
                meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)f).ToArray());
            }

            return current!;
        }, WriteMode.Main, createIfMissing: false);

    private void SetStatus(ResourceKind kind, string name, Func<JsonObject, JsonObject> status) =>
        _store.Mutate(kind, "", name, (current, _) =>
        {
            current!["status"] = status(current);
            return current;
        }, WriteMode.Status, createIfMissing: false);

    /// <summary>A condition that keeps its lastTransitionTime while its status stays the same.</summary>
    private JsonObject Condition(JsonObject? status, string type, string value, string reason, string message)
    {
        var old = (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = old?["status"]?.ToString() == value ? old["lastTransitionTime"]?.DeepClone() ?? Now : Now,
        };
    }

    private static string Hex(string seed, int length)
    {
        ulong hash = 14695981039346656037;
        foreach (var c in seed)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        var text = hash.ToString("x16", CultureInfo.InvariantCulture) + (hash * 31).ToString("x16", CultureInfo.InvariantCulture);
        return text[..length];
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Selectors;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>
/// The controllers and kubelets of a cluster, reduced to what clients observe: reacts to each committed
/// change (under the store lock) and writes the objects and status the real controllers would, at once.
/// <para><b>Caveats:</b> rollouts are instant (old ReplicaSets go straight to 0), no container runs, pods never
/// fail or restart, taints/tolerations and affinity are ignored (nodeSelector is honoured), CronJobs are not
/// scheduled (their Jobs run when created, e.g. <c>kubectl create job --from=cronjob/x</c>).</para>
/// </summary>
internal sealed partial class WorkloadSimulator
{
    private readonly ObjectStore _store;
    private readonly WorkloadSimulation _options;
    private readonly TimeProvider _time;

    public WorkloadSimulator(ObjectStore store, WorkloadSimulation options, TimeProvider time)
    {
        _store = store;
        _options = options;
        _time = time;
        Pods = Kind("", "pods");
        Nodes = Kind("", "nodes");
        ReplicaSets = Kind("apps", "replicasets");
        Deployments = Kind("apps", "deployments");
        DaemonSets = Kind("apps", "daemonsets");
        StatefulSets = Kind("apps", "statefulsets");
        Jobs = Kind("batch", "jobs");
        Pdbs = Kind("policy", "poddisruptionbudgets");
    }

    private ResourceKind Pods { get; }

    private ResourceKind Nodes { get; }

    private ResourceKind ReplicaSets { get; }

    private ResourceKind Deployments { get; }

    private ResourceKind DaemonSets { get; }

    private ResourceKind StatefulSets { get; }

    private ResourceKind Jobs { get; }

    private ResourceKind Pdbs { get; }

    private string Now => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Start()
    {
        _store.AddReactor(React);
        foreach (var node in _options.Nodes)
        {
            if (_store.Find(Nodes, "", node) is null)
            {
                _store.Create(Nodes, "", new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Node",
                    ["metadata"] = new JsonObject { ["name"] = node, ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = node, ["kubernetes.io/os"] = "linux" } },
                }, WriteMode.Admin);
            }
        }
    }

    private void React(WatchEvent change)
    {
        var obj = change.Object.Object;
        var ns = change.Object.Namespace;
        var name = change.Object.Name;
        var deleted = change.Type == WatchEvent.Deleted;
        switch (change.Object.StorageKey)
        {
            case "/nodes":
                if (!deleted)
                {
                    ReconcileNode(name);
                }

                ForEach(DaemonSets, null, ds => ReconcileDaemonSet(Meta.Namespace(ds), Meta.Name(ds)));
                ForEach(Pods, null, p => { if (p["spec"]?["nodeName"] is null || deleted) { ReconcilePod(Meta.Namespace(p), Meta.Name(p)); } });
                break;
            case "/pods":
                if (!deleted)
                {
                    ReconcilePod(ns, name);
                }

                ReconcileOwner(obj, ns);
                ForEach(Pdbs, ns, pdb => ReconcilePdb(ns, Meta.Name(pdb)));
                break;
            case "apps/replicasets":
                if (!deleted)
                {
                    ReconcileReplicaSet(ns, name);
                }

                ReconcileOwner(obj, ns);
                break;
            case "apps/deployments" when !deleted:
                ReconcileDeployment(ns, name);
                break;
            case "apps/daemonsets" when !deleted:
                ReconcileDaemonSet(ns, name);
                break;
            case "apps/statefulsets" when !deleted:
                ReconcileStatefulSet(ns, name);
                break;
            case "batch/jobs" when !deleted:
                ReconcileJob(ns, name);
                break;
            case "policy/poddisruptionbudgets" when !deleted:
                ReconcilePdb(ns, name);
                break;
        }
    }

    private void ReconcileOwner(JsonObject obj, string ns)
    {
        if (Controller(obj) is not { } owner)
        {
            return;
        }

        var ownerName = owner["name"]?.ToString() ?? "";
        switch (owner["kind"]?.ToString())
        {
            case "ReplicaSet":
                ReconcileReplicaSet(ns, ownerName);
                break;
            case "Deployment":
                ReconcileDeployment(ns, ownerName);
                break;
            case "DaemonSet":
                ReconcileDaemonSet(ns, ownerName);
                break;
            case "StatefulSet":
                ReconcileStatefulSet(ns, ownerName);
                break;
            case "Job":
                ReconcileJob(ns, ownerName);
                break;
        }
    }

    private void ForEach(ResourceKind kind, string? ns, Action<JsonObject> action)
    {
        foreach (var item in _store.List(kind, ListQuery.All(ns)).Items)
        {
            action(item.Object);
        }
    }

    private List<JsonObject> Owned(ResourceKind kind, string ns, string ownerUid) =>
        _store.List(kind, ListQuery.All(ns)).Items.Select(i => i.Object)
            .Where(o => Controller(o)?["uid"]?.ToString() == ownerUid && !Meta.IsDeleting(o)).ToList();

    internal static JsonObject? Controller(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => SchemaFlag(r["controller"]));

    internal static bool SchemaFlag(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;

    private static JsonObject OwnerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = owner["apiVersion"]?.ToString(),
        ["kind"] = owner["kind"]?.ToString(),
        ["name"] = Meta.Name(owner),
        ["uid"] = Meta.Str(owner, "uid"),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    /// <summary>Writes <paramref name="status"/> through the status subresource when it differs (no-op writes commit nothing).</summary>
    private void SetStatus(ResourceKind kind, string ns, string name, Func<JsonObject, JsonObject> status)
    {
        _store.Mutate(kind, ns, name, (current, _) =>
        {
            current!["status"] = status(current);
            return current;
        }, WriteMode.Status, createIfMissing: false);
    }

    private void DeleteObject(ResourceKind kind, string ns, string name) => _store.Delete(kind, ns, name, new DeleteOptions());

    private static long Int(JsonNode? node, long fallback) => Meta.Long(node) ?? fallback;

    /// <summary>A short stable hash of a pod template, as pod-template-hash / controller-revision-hash.</summary>
    private static string TemplateHash(JsonNode? template)
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var text = template?.ToJsonString() ?? "";
        ulong hash = 14695981039346656037;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)(hash % (ulong)Alphabet.Length)];
            hash /= (ulong)Alphabet.Length;
        }

        return new string(chars);
    }

    /// <summary>A structured label selector (matchLabels, matchExpressions) as the selector string syntax.</summary>
    internal static LabelSelector Selector(JsonNode? selector)
    {
        var terms = new List<string>();
        foreach (var (key, value) in selector?["matchLabels"] as JsonObject ?? [])
        {
            terms.Add(key + "=" + value);
        }

        foreach (var expression in (selector?["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.ToString();
            var values = string.Join(",", (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()));
            terms.Add(expression["operator"]?.ToString() switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key!,
                _ => "!" + key,
            });
        }

        return LabelSelector.Parse(string.Join(",", terms));
    }

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true;

    private ResourceKind Kind(string group, string plural) => _store.Registry.Find(group, "v1", plural)!;
}

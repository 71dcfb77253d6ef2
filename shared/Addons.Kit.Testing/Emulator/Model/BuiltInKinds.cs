using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>
/// The built-in kinds the addons and charts touch, as data: one row per served resource.
/// Adding a kind is adding a row; every behaviour (routing, discovery, OpenAPI, tables) reads this table.
/// </summary>
internal static class BuiltInKinds
{
    public static IReadOnlyList<ResourceKind> All { get; } = Build();

    private static List<ResourceKind> Build()
    {
        var age = PrinterColumn.Path("Age", ".metadata.creationTimestamp", "date");
        string[] all = ["all"];
        List<ResourceKind> kinds =
        [
            Core("namespaces", "Namespace", false, ["ns"], true, PrinterColumn.Path("Status", ".status.phase"), age),
            Core("configmaps", "ConfigMap", true, ["cm"], false, new("Data", "integer", 0, o => Count(o["data"]) + Count(o["binaryData"])), age),
            Core("secrets", "Secret", true, [], false, PrinterColumn.Path("Type", ".type"), new("Data", "integer", 0, o => Count(o["data"])), age),
            Core("serviceaccounts", "ServiceAccount", true, ["sa"], false, age),
            Core("services", "Service", true, ["svc"], true,
                PrinterColumn.Path("Type", ".spec.type"), PrinterColumn.Path("Cluster-IP", ".spec.clusterIP"),
                new("External-IP", "string", 0, _ => "<none>"), new("Port(s)", "string", 0, ServicePorts), age,
                new("Selector", "string", 1, o => Pairs(o["spec"]?["selector"]))) with { Categories = all },
            Core("events", "Event", true, ["ev"], false,
                new("Last Seen", "date", 0, o => o["lastTimestamp"]?.DeepClone() ?? o["series"]?["lastObservedTime"]?.DeepClone() ?? o["eventTime"]?.DeepClone()), PrinterColumn.Path("Type", ".type"),
                PrinterColumn.Path("Reason", ".reason"), new("Object", "string", 0, o => $"{o["involvedObject"]?["kind"]}/{o["involvedObject"]?["name"]}".ToLowerInvariant()),
                PrinterColumn.Path("Message", ".message")),
            Core("pods", "Pod", true, ["po"], true,
                new("Ready", "string", 0, PodReady), PrinterColumn.Path("Status", ".status.phase"),
                new("Restarts", "integer", 0, PodRestarts), age,
                PrinterColumn.Path("IP", ".status.podIP", priority: 1), PrinterColumn.Path("Node", ".spec.nodeName", priority: 1)) with { Categories = all },
            Core("nodes", "Node", false, ["no"], true,
                new("Status", "string", 0, NodeStatus), new("Roles", "string", 0, _ => "<none>"), age,
                PrinterColumn.Path("Version", ".status.nodeInfo.kubeletVersion"),
                PrinterColumn.Path("Internal-IP", ".status.addresses[?(@.type==\"InternalIP\")].address", priority: 1)),
            Core("persistentvolumeclaims", "PersistentVolumeClaim", true, ["pvc"], true,
                PrinterColumn.Path("Status", ".status.phase"), PrinterColumn.Path("Volume", ".spec.volumeName"), age),
            Core("persistentvolumes", "PersistentVolume", false, ["pv"], true, PrinterColumn.Path("Status", ".status.phase"), age),
            Core("endpoints", "Endpoints", true, ["ep"], false, age),
            Core("limitranges", "LimitRange", true, ["limits"], false, age),
            Core("resourcequotas", "ResourceQuota", true, ["quota"], true, age),

            Kind("events.k8s.io", "v1", "events", "Event", true, ["ev"], false,
                PrinterColumn.Path("Reason", ".reason"), PrinterColumn.Path("Note", ".note"), age) with { StorageGroup = "" },
            Kind("coordination.k8s.io", "v1", "leases", "Lease", true, [], false,
                PrinterColumn.Path("Holder", ".spec.holderIdentity"), age),

            Kind("apps", "v1", "deployments", "Deployment", true, ["deploy"], true,
                new("Ready", "string", 0, o => $"{Int(o, "status", "readyReplicas")}/{Replicas(o)}"),
                PrinterColumn.Path("Up-to-date", ".status.updatedReplicas", "integer"),
                PrinterColumn.Path("Available", ".status.availableReplicas", "integer"), age,
                new("Containers", "string", 1, o => Names(o["spec"]?["template"]?["spec"]?["containers"], "name")),
                new("Images", "string", 1, o => Names(o["spec"]?["template"]?["spec"]?["containers"], "image"))) with { Categories = all },
            Kind("apps", "v1", "replicasets", "ReplicaSet", true, ["rs"], true,
                new("Desired", "integer", 0, Replicas), PrinterColumn.Path("Current", ".status.replicas", "integer"),
                PrinterColumn.Path("Ready", ".status.readyReplicas", "integer"), age) with { Categories = all },
            Kind("apps", "v1", "statefulsets", "StatefulSet", true, ["sts"], true,
                new("Ready", "string", 0, o => $"{Int(o, "status", "readyReplicas")}/{Replicas(o)}"), age) with { Categories = all },
            Kind("apps", "v1", "daemonsets", "DaemonSet", true, ["ds"], true,
                PrinterColumn.Path("Desired", ".status.desiredNumberScheduled", "integer"),
                PrinterColumn.Path("Ready", ".status.numberReady", "integer"), age) with { Categories = all },
            Kind("apps", "v1", "controllerrevisions", "ControllerRevision", true, [], false, age),
            Kind("batch", "v1", "jobs", "Job", true, [], true,
                new("Completions", "string", 0, o => $"{Int(o, "status", "succeeded")}/{o["spec"]?["completions"]?.ToString() ?? "1"}"), age) with { Categories = all },
            Kind("batch", "v1", "cronjobs", "CronJob", true, ["cj"], true,
                PrinterColumn.Path("Schedule", ".spec.schedule"), PrinterColumn.Path("Suspend", ".spec.suspend"),
                PrinterColumn.Path("Last Schedule", ".status.lastScheduleTime", "date"), age) with { Categories = all },
            Kind("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"], true,
                // As the real server prints them: "N/A" for the bound the PDB does not set.
                new("Min Available", "string", 0, o => o["spec"]?["minAvailable"]?.ToString() ?? "N/A"),
                new("Max Unavailable", "string", 0, o => o["spec"]?["maxUnavailable"]?.ToString() ?? "N/A"),
                PrinterColumn.Path("Allowed Disruptions", ".status.disruptionsAllowed", "integer"), age),
            Kind("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"], true,
                PrinterColumn.Path("Class", ".spec.ingressClassName"), age),
            Kind("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, [], false, age),
            Kind("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"], false,
                new("Pod-Selector", "string", 0, o => Pairs(o["spec"]?["podSelector"]?["matchLabels"])), age),
            Kind("rbac.authorization.k8s.io", "v1", "roles", "Role", true, [], false, age),
            Kind("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, [], false, age),
            Kind("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, [], false,
                new("Role", "string", 0, o => $"{o["roleRef"]?["kind"]}/{o["roleRef"]?["name"]}"), age),
            Kind("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, [], false,
                new("Role", "string", 0, o => $"{o["roleRef"]?["kind"]}/{o["roleRef"]?["name"]}"), age),
            Kind("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"], true,
                PrinterColumn.Path("Created At", ".metadata.creationTimestamp")),
            Kind("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, ["pc"], false, PrinterColumn.Path("Value", ".value", "integer"), age),
            Kind("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, ["sc"], false, PrinterColumn.Path("Provisioner", ".provisioner"), age),
            Kind("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, [], false, age),
            Kind("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, [], false, age),
            Kind("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"], true, age) with { Categories = all },
            Kind("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, [], false) with { Virtual = true },
            Kind("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false, [], false) with { Virtual = true },
        ];
        return kinds;
    }

    private static ResourceKind Core(string plural, string kind, bool namespaced, string[] shortNames, bool status, params PrinterColumn[] columns) =>
        Kind("", "v1", plural, kind, namespaced, shortNames, status, columns);

    private static ResourceKind Kind(string group, string version, string plural, string kind, bool namespaced, string[] shortNames, bool status, params PrinterColumn[] columns) =>
        new(group, version, plural, kind.ToLowerInvariant(), kind, namespaced, shortNames, status, columns, BuiltIn: true);

    private static int Count(JsonNode? map) => map is JsonObject o ? o.Count : 0;

    private static long Int(JsonObject o, string a, string b) => Meta.Long(o[a]?[b]) ?? 0;

    private static JsonNode Replicas(JsonObject o) => Meta.Long(o["spec"]?["replicas"]) ?? 1;

    private static JsonNode? PodReady(JsonObject o)
    {
        var containers = o["spec"]?["containers"] as JsonArray;
        var statuses = o["status"]?["containerStatuses"] as JsonArray;
        var ready = statuses?.Count(s => s?["ready"] is JsonValue v && v.TryGetValue(out bool b) && b) ?? 0;
        return $"{ready}/{containers?.Count ?? 0}";
    }

    private static JsonNode PodRestarts(JsonObject o) =>
        (o["status"]?["containerStatuses"] as JsonArray)?.Sum(s => Meta.Long(s?["restartCount"]) ?? 0) ?? 0;

    private static JsonNode NodeStatus(JsonObject o)
    {
        var ready = JsonPathLite.Evaluate(o, ".status.conditions[?(@.type==\"Ready\")].status")?.ToString();
        var status = ready == "True" ? "Ready" : "NotReady";
        return o["spec"]?["unschedulable"] is JsonValue v && v.TryGetValue(out bool b) && b ? status + ",SchedulingDisabled" : status;
    }

    private static JsonNode ServicePorts(JsonObject o)
    {
        if (o["spec"]?["ports"] is not JsonArray ports || ports.Count == 0)
        {
            return "<none>";
        }

        return string.Join(",", ports.Select(p => $"{p?["port"]}/{p?["protocol"]?.ToString() ?? "TCP"}"));
    }

    private static JsonNode Pairs(JsonNode? map) =>
        map is JsonObject o && o.Count > 0 ? string.Join(",", o.Select(kv => $"{kv.Key}={kv.Value}")) : "<none>";

    private static JsonNode Names(JsonNode? list, string field) =>
        list is JsonArray a ? string.Join(",", a.Select(i => i?[field]?.ToString())) : "";
}

using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>
/// The few server-set fields clients look at: namespace phase, pod phase, service cluster IP, secret
/// type, and the CRD conditions that <c>kubectl wait --for condition=established</c> and helm wait for.
/// No controllers run: nothing else is defaulted or reconciled.
/// </summary>
internal static class ObjectDefaults
{
    public static void OnCreate(ResourceKind kind, JsonObject obj)
    {
        switch (kind.Group, kind.Plural)
        {
            case ("", "namespaces"):
                obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case ("", "pods"):
                obj["status"] ??= new JsonObject { ["phase"] = "Pending" };
                break;
            case ("", "secrets"):
                obj["type"] ??= "Opaque";
                break;
            case ("", "services"):
                DefaultService(obj);
                break;
            case ("apps", "deployments"):
                Spec(obj)["strategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" } };
                Spec(obj)["revisionHistoryLimit"] ??= 10;
                Spec(obj)["progressDeadlineSeconds"] ??= 600;
                break;
            case ("apps", "daemonsets"):
                Spec(obj)["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = 1, ["maxSurge"] = 0 } };
                Spec(obj)["revisionHistoryLimit"] ??= 10;
                break;
            case ("apps", "statefulsets"):
                Spec(obj)["updateStrategy"] ??= new JsonObject { ["type"] = "RollingUpdate", ["rollingUpdate"] = new JsonObject { ["partition"] = 0 } };
                Spec(obj)["podManagementPolicy"] ??= "OrderedReady";
                break;
            case ("batch", "jobs"):
                DefaultJob(obj);
                break;
        }

        OnUpdate(kind, obj);
    }

    public static void OnUpdate(ResourceKind kind, JsonObject obj)
    {
        if (kind.StorageKey == ObjectStore.CrdStorageKey)
        {
            obj["status"] = CrdStatus(obj);
        }
    }

    private static JsonObject Spec(JsonObject obj)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            spec = [];
            obj["spec"] = spec;
        }

        return spec;
    }

    /// <summary>The server-generated selector and pod labels of a Job (controller-uid, job-name).</summary>
    private static void DefaultJob(JsonObject obj)
    {
        var spec = Spec(obj);
        var uid = Meta.Str(obj, "uid") ?? "";
        var name = Meta.Name(obj);
        spec["completions"] ??= 1;
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        if (spec["selector"] is null && spec["manualSelector"] is not JsonValue)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
            if (spec["template"] is JsonObject template)
            {
                var metadata = template["metadata"] as JsonObject ?? [];
                template["metadata"] = metadata;
                var labels = metadata["labels"] as JsonObject ?? [];
                metadata["labels"] = labels;
                labels["batch.kubernetes.io/controller-uid"] = uid;
                labels["batch.kubernetes.io/job-name"] = name;
                labels["controller-uid"] = uid;
                labels["job-name"] = name;
            }
        }
    }

    private static void DefaultService(JsonObject obj)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            spec = [];
            obj["spec"] = spec;
        }

        spec["type"] ??= "ClusterIP";
        if (spec["type"]!.ToString() != "ExternalName" && spec["clusterIP"] is null)
        {
            // Deterministic per object, unique enough for display; nothing routes to it.
            var hash = (uint)(Meta.Str(obj, "uid") ?? "").GetHashCode(StringComparison.Ordinal);
            var ip = $"10.96.{(hash >> 8) & 0xff}.{(hash & 0xfe) + 1}";
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }

        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    private static JsonObject CrdStatus(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var storage = (spec?["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"] is JsonValue s && s.TryGetValue(out bool b) && b)?["name"]?.ToString();
        var time = Meta.Str(crd, "creationTimestamp");
        JsonObject Condition(string type, string reason) => new()
        {
            ["type"] = type,
            ["status"] = "True",
            ["lastTransitionTime"] = time,
            ["reason"] = reason,
            ["message"] = reason == "NoConflicts" ? "no conflicts found" : "the initial names have been accepted",
        };
        return new JsonObject
        {
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts"), Condition("Established", "InitialNamesAccepted")),
            ["acceptedNames"] = spec?["names"]?.DeepClone(),
            ["storedVersions"] = storage is null ? new JsonArray() : new JsonArray(storage),
        };
    }
}

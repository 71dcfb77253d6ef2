using System.Globalization;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Store;

namespace Addons.Kit.Testing.Emulator.Simulation;

/// <summary>The workload controllers: ReplicaSet, Deployment (instant rollout), DaemonSet, StatefulSet, Job, PDB.</summary>
internal sealed partial class WorkloadSimulator
{
    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    private void ReconcileReplicaSet(string ns, string name)
    {
        if (_store.Find(ReplicaSets, ns, name)?.Object is not { } rs || Meta.IsDeleting(rs))
        {
            return;
        }

        var desired = Int(rs["spec"]?["replicas"], 1);
        var pods = Owned(Pods, ns, Meta.Str(rs, "uid")!);
        for (var i = pods.Count; i < desired; i++)
        {
            CreatePod(rs, "ReplicaSet", name + "-", null, null);
        }

        foreach (var extra in pods.Skip((int)desired))
        {
            DeleteObject(Pods, ns, Meta.Name(extra));
        }

        pods = Owned(Pods, ns, Meta.Str(rs, "uid")!);
        var ready = pods.Count(IsReady);
        SetStatus(ReplicaSets, ns, name, current => new JsonObject
        {
            ["replicas"] = pods.Count,
            ["fullyLabeledReplicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["observedGeneration"] = Meta.Long(current["metadata"]?["generation"]),
        });
    }

    private void ReconcileDeployment(string ns, string name)
    {
        if (_store.Find(Deployments, ns, name)?.Object is not { } deployment || Meta.IsDeleting(deployment))
        {
            return;
        }

        var desired = Int(deployment["spec"]?["replicas"], 1);
        var template = deployment["spec"]?["template"] as JsonObject ?? [];
        var hash = TemplateHash(template);
        var owned = Owned(ReplicaSets, ns, Meta.Str(deployment, "uid")!);
        var current = owned.FirstOrDefault(rs => Meta.Labels(rs)?["pod-template-hash"]?.ToString() == hash);
        var revision = current is not null ? Int(JsonValue(current["metadata"]?["annotations"]?[RevisionAnnotation]), 1)
            : owned.Select(rs => Int(JsonValue(rs["metadata"]?["annotations"]?[RevisionAnnotation]), 0)).DefaultIfEmpty(0).Max() + 1;
        var rsName = name + "-" + hash;
        if (current is null)
        {
            var podTemplate = (JsonObject)template.DeepClone();
            var labels = LabelsWith(podTemplate, "pod-template-hash", hash);
            var selector = (deployment["spec"]?["selector"] as JsonObject)?.DeepClone() as JsonObject ?? [];
            var matchLabels = selector["matchLabels"] as JsonObject ?? [];
            matchLabels["pod-template-hash"] = hash;
            selector["matchLabels"] = matchLabels;
            _store.Create(ReplicaSets, ns, new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "ReplicaSet",
                ["metadata"] = new JsonObject
                {
                    ["name"] = rsName,
                    ["labels"] = labels.DeepClone(),
                    ["annotations"] = new JsonObject
                    {
                        [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                        ["deployment.kubernetes.io/desired-replicas"] = desired.ToString(CultureInfo.InvariantCulture),
                    },
                    ["ownerReferences"] = new JsonArray(OwnerReference(deployment)),
                },
                ["spec"] = new JsonObject { ["replicas"] = desired, ["selector"] = selector, ["template"] = podTemplate },
            }, WriteMode.Admin);
        }
        else
        {
            rsName = Meta.Name(current);
            Scale(ReplicaSets, ns, rsName, desired);
        }

        foreach (var old in owned.Where(rs => Meta.Name(rs) != rsName))
        {
            Scale(ReplicaSets, ns, Meta.Name(old), 0);
        }

        _store.Mutate(Deployments, ns, name, (obj, _) =>
        {
            var annotations = Meta.Of(obj!)["annotations"] as JsonObject ?? [];
            annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
            Meta.Of(obj!)["annotations"] = annotations;
            return obj!;
        }, WriteMode.Admin, createIfMissing: false);

        var sets = Owned(ReplicaSets, ns, Meta.Str(deployment, "uid")!);
        var newSet = sets.FirstOrDefault(rs => Meta.Name(rs) == rsName);
        long Sum(string field) => sets.Sum(rs => Int(rs["status"]?[field], 0));
        var updated = Int(newSet?["status"]?[("replicas")], 0);
        var available = Sum("availableReplicas");
        var complete = updated == desired && Sum("replicas") == desired && available >= desired;
        SetStatus(Deployments, ns, name, obj =>
        {
            var previous = obj["status"]?["conditions"] as JsonArray;
            var status = new JsonObject
            {
                ["observedGeneration"] = Meta.Long(obj["metadata"]?["generation"]),
                ["replicas"] = Sum("replicas"),
                ["updatedReplicas"] = updated,
                ["readyReplicas"] = Sum("readyReplicas"),
                ["availableReplicas"] = available,
                ["conditions"] = new JsonArray(
                    Condition(previous, "Available", available >= desired, available >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                        available >= desired ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
                    Condition(previous, "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                        complete ? $"ReplicaSet \"{rsName}\" has successfully progressed." : $"ReplicaSet \"{rsName}\" is progressing.")),
            };
            if (desired - available > 0)
            {
                status["unavailableReplicas"] = desired - available;
            }

            return status;
        });
    }

    private void ReconcileDaemonSet(string ns, string name)
    {
        if (_store.Find(DaemonSets, ns, name)?.Object is not { } ds || Meta.IsDeleting(ds))
        {
            return;
        }

        var template = ds["spec"]?["template"] as JsonObject ?? [];
        var hash = TemplateHash(template);
        var nodes = SchedulableNodes(template["spec"]?["nodeSelector"] as JsonObject);
        var pods = Owned(Pods, ns, Meta.Str(ds, "uid")!);
        foreach (var pod in pods)
        {
            var node = pod["spec"]?["nodeName"]?.ToString() ?? "";
            if (!nodes.Contains(node) || Meta.Labels(pod)?["controller-revision-hash"]?.ToString() != hash
                || pods.First(p => p["spec"]?["nodeName"]?.ToString() == node) != pod)
            {
                DeleteObject(Pods, ns, Meta.Name(pod));
            }
        }

        pods = Owned(Pods, ns, Meta.Str(ds, "uid")!);
        foreach (var node in nodes.Where(n => !pods.Any(p => p["spec"]?["nodeName"]?.ToString() == n)))
        {
            CreatePod(ds, "DaemonSet", name + "-", node, ("controller-revision-hash", hash));
        }

        pods = Owned(Pods, ns, Meta.Str(ds, "uid")!);
        var ready = pods.Count(IsReady);
        SetStatus(DaemonSets, ns, name, current => new JsonObject
        {
            ["currentNumberScheduled"] = pods.Count,
            ["desiredNumberScheduled"] = nodes.Count,
            ["numberMisscheduled"] = 0,
            ["numberReady"] = ready,
            ["numberAvailable"] = ready,
            ["updatedNumberScheduled"] = pods.Count,
            ["observedGeneration"] = Meta.Long(current["metadata"]?["generation"]),
        });
    }

    private void ReconcileStatefulSet(string ns, string name)
    {
        if (_store.Find(StatefulSets, ns, name)?.Object is not { } sts || Meta.IsDeleting(sts))
        {
            return;
        }

        var desired = Int(sts["spec"]?["replicas"], 1);
        var revision = name + "-" + TemplateHash(sts["spec"]?["template"]);
        var pods = Owned(Pods, ns, Meta.Str(sts, "uid")!);
        foreach (var pod in pods.Where(p => Meta.Labels(p)?["controller-revision-hash"]?.ToString() != revision || Ordinal(p, name) >= desired))
        {
            DeleteObject(Pods, ns, Meta.Name(pod));
        }

        for (var i = 0; i < desired; i++)
        {
            if (_store.Find(Pods, ns, $"{name}-{i}") is null)
            {
                CreatePod(sts, "StatefulSet", null, null, ("controller-revision-hash", revision), $"{name}-{i}");
            }
        }

        pods = Owned(Pods, ns, Meta.Str(sts, "uid")!);
        var ready = pods.Count(IsReady);
        SetStatus(StatefulSets, ns, name, current => new JsonObject
        {
            ["observedGeneration"] = Meta.Long(current["metadata"]?["generation"]),
            ["replicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = pods.Count,
            ["updatedReplicas"] = pods.Count,
            ["availableReplicas"] = ready,
            ["currentRevision"] = revision,
            ["updateRevision"] = revision,
            ["collisionCount"] = 0,
        });
    }

    private void ReconcileJob(string ns, string name)
    {
        if (_store.Find(Jobs, ns, name)?.Object is not { } job || Meta.IsDeleting(job) || SchemaFlag(job["spec"]?["suspend"]))
        {
            return;
        }

        var completions = Int(job["spec"]?["completions"], 1);
        var pods = Owned(Pods, ns, Meta.Str(job, "uid")!);
        for (var i = pods.Count; i < completions; i++)
        {
            CreatePod(job, "Job", name + "-", null, ("batch.kubernetes.io/job-name", name), null,
                ("job-name", name), ("batch.kubernetes.io/controller-uid", Meta.Str(job, "uid")!), ("controller-uid", Meta.Str(job, "uid")!));
        }

        pods = Owned(Pods, ns, Meta.Str(job, "uid")!);
        var succeeded = pods.Count(p => p["status"]?["phase"]?.ToString() == "Succeeded");
        var active = pods.Count - succeeded;
        SetStatus(Jobs, ns, name, current =>
        {
            var previous = current["status"] as JsonObject;
            var status = new JsonObject
            {
                ["startTime"] = previous?["startTime"]?.DeepClone() ?? Now,
                ["succeeded"] = succeeded,
                ["ready"] = 0,
                ["terminating"] = 0,
                ["uncountedTerminatedPods"] = new JsonObject(),
            };
            if (active > 0)
            {
                status["active"] = active;
            }

            if (succeeded >= completions)
            {
                var done = previous?["completionTime"]?.DeepClone() ?? Now;
                status["completionTime"] = done;
                var conditions = previous?["conditions"] as JsonArray;
                status["conditions"] = new JsonArray(
                    Condition(conditions, "SuccessCriteriaMet", true, "CompletionsReached", "Reached expected number of succeeded pods"),
                    Condition(conditions, "Complete", true, "CompletionsReached", "Reached expected number of succeeded pods"));
            }

            return status;
        });
    }

    private void ReconcilePdb(string ns, string name)
    {
        if (_store.Find(Pdbs, ns, name)?.Object is not { } pdb || Meta.IsDeleting(pdb))
        {
            return;
        }

        var selector = Selector(pdb["spec"]?["selector"]);
        var pods = _store.List(Pods, ListQuery.All(ns)).Items.Select(p => p.Object)
            .Where(p => !Meta.IsDeleting(p) && p["status"]?["phase"]?.ToString() is not ("Succeeded" or "Failed") && selector.Matches(Meta.Labels(p))).ToList();
        var expected = pods.Count;
        var healthy = pods.Count(IsReady);
        var desired = pdb["spec"]?["minAvailable"] is { } min ? Amount(min, expected, roundUp: true)
            : pdb["spec"]?["maxUnavailable"] is { } max ? Math.Max(0, expected - Amount(max, expected, roundUp: true))
            : 0;
        var allowed = Math.Max(0, healthy - desired);
        SetStatus(Pdbs, ns, name, current =>
        {
            var previous = current["status"]?["conditions"] as JsonArray;
            return new JsonObject
            {
                ["observedGeneration"] = Meta.Long(current["metadata"]?["generation"]),
                ["disruptionsAllowed"] = allowed,
                ["currentHealthy"] = healthy,
                ["desiredHealthy"] = desired,
                ["expectedPods"] = expected,
                ["conditions"] = new JsonArray(Condition(previous, "DisruptionAllowed", allowed > 0, allowed > 0 ? "SufficientPods" : "InsufficientPods", "")),
            };
        });
    }

    private void CreatePod(JsonObject owner, string ownerKind, string? generateName, string? nodeName, (string Key, string Value)? label, string? name = null, params (string Key, string Value)[] moreLabels)
    {
        _ = ownerKind;
        var template = (owner["spec"]?["template"] as JsonObject ?? owner["spec"]?["jobTemplate"]?["spec"]?["template"] as JsonObject ?? []).DeepClone() as JsonObject ?? [];
        var labels = LabelsWith(template, label?.Key, label?.Value);
        foreach (var (key, value) in moreLabels)
        {
            labels[key] = value;
        }

        var metadata = new JsonObject { ["labels"] = labels.DeepClone(), ["ownerReferences"] = new JsonArray(OwnerReference(owner)) };
        if (template["metadata"]?["annotations"] is JsonObject annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        if (name is not null)
        {
            metadata["name"] = name;
        }
        else
        {
            metadata["generateName"] = generateName;
        }

        var spec = template["spec"] as JsonObject ?? [];
        if (nodeName is not null)
        {
            spec["nodeName"] = nodeName;
        }

        spec["restartPolicy"] ??= "Always";
        spec["schedulerName"] ??= "default-scheduler";
        spec["serviceAccountName"] ??= "default";
        _store.Create(Pods, Meta.Namespace(owner), new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec.DeepClone() }, WriteMode.Admin);
    }

    private void Scale(ResourceKind kind, string ns, string name, long replicas) =>
        _store.Mutate(kind, ns, name, (obj, _) =>
        {
            obj!["spec"]!["replicas"] = replicas;
            return obj;
        }, WriteMode.Main, createIfMissing: false);

    private static JsonObject LabelsWith(JsonObject template, string? key, string? value)
    {
        var metadata = template["metadata"] as JsonObject ?? [];
        template["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        if (key is not null)
        {
            labels[key] = value;
        }

        return labels;
    }

    private JsonObject Condition(JsonArray? previous, string type, bool value, string reason, string message)
    {
        var text = value ? "True" : "False";
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        var same = old?["status"]?.ToString() == text && old?["reason"]?.ToString() == reason;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = text,
            ["lastUpdateTime"] = same ? old!["lastUpdateTime"]?.DeepClone() ?? Now : Now,
            ["lastTransitionTime"] = old?["status"]?.ToString() == text ? old!["lastTransitionTime"]?.DeepClone() ?? Now : Now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private static int Amount(JsonNode value, int total, bool roundUp)
    {
        var text = value.ToString();
        if (text.EndsWith('%') && int.TryParse(text[..^1], CultureInfo.InvariantCulture, out var percent))
        {
            var exact = total * percent / 100.0;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }

        return (int)(Meta.Long(value) ?? (int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0));
    }

    private static long Ordinal(JsonObject pod, string setName) =>
        long.TryParse(Meta.Name(pod).AsSpan(setName.Length + 1), CultureInfo.InvariantCulture, out var ordinal) ? ordinal : long.MaxValue;

    private static JsonNode? JsonValue(JsonNode? annotation) =>
        annotation is not null && long.TryParse(annotation.ToString(), CultureInfo.InvariantCulture, out var n) ? n : null;
}

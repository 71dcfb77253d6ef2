using System.Text.Json.Nodes;

namespace Addons.Karc.Status;

/// <summary>The machine-readable form of a <see cref="StatusReport"/> (for <c>-o json</c> and <c>-o yaml</c>).</summary>
internal static class StatusJson
{
    public static JsonObject ToJson(StatusReport report)
    {
        var pools = new JsonArray();
        foreach (var p in report.NodePools)
        {
            pools.Add((JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["weight"] = p.Weight == "-" ? null : JsonValue.Create(int.Parse(p.Weight, System.Globalization.CultureInfo.InvariantCulture)),
                ["consolidationPolicy"] = p.Policy,
                ["consolidateAfter"] = p.ConsolidateAfter,
                ["budgets"] = p.Budgets,
                ["nodeClaims"] = p.NodeClaims,
                ["state"] = p.Paused ? "Paused" : "Active",
                ["heldBy"] = new JsonArray(p.HeldBy.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray()),
            });
        }

        var schedules = new JsonArray();
        foreach (var s in report.Schedules)
        {
            schedules.Add((JsonNode)new JsonObject
            {
                ["nodePool"] = s.NodePool,
                ["window"] = s.Window,
                ["duration"] = s.Duration,
                ["empty"] = s.Empty,
                ["drifted"] = s.Drifted,
                ["underutilized"] = s.Underutilized,
                ["expired"] = s.Expired,
                ["active"] = s.Active,
            });
        }

        var root = new JsonObject
        {
            ["apiVersion"] = $"karpenter.sh/{report.ApiVersion}",
            ["context"] = report.Context,
            ["timeZone"] = report.TimeZone,
            ["nodeClaims"] = report.NodeClaims,
            ["nodePools"] = pools,
            ["schedules"] = schedules,
        };

        if (report.Freezes is not null)
        {
            var freezes = new JsonArray();
            foreach (var f in report.Freezes)
            {
                freezes.Add((JsonNode)new JsonObject
                {
                    ["name"] = f.Name,
                    ["active"] = f.Active,
                    ["suspended"] = f.Suspended,
                    ["ready"] = f.Ready,
                    ["ended"] = f.Ended,
                    ["nodePools"] = new JsonArray(f.NodePools.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                    ["holding"] = new JsonArray(f.Holding.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                    ["nextTransition"] = f.NextTransition?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            root["freezes"] = freezes;
        }

        return root;
    }
}

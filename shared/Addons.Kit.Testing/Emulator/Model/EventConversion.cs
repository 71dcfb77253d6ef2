using System.Text.Json.Nodes;

namespace Addons.Kit.Testing.Emulator.Model;

/// <summary>
/// Events are one resource with two views, as in a real cluster: stored as core/v1 Events, served also as
/// events.k8s.io/v1 (regarding↔involvedObject, note↔message, reportingController↔reportingComponent,
/// deprecatedSource/FirstTimestamp/LastTimestamp/Count ↔ source/firstTimestamp/lastTimestamp/count).
/// </summary>
internal static class EventConversion
{
    private static readonly (string Core, string EventsV1)[] Renames =
    [
        ("involvedObject", "regarding"),
        ("message", "note"),
        ("reportingComponent", "reportingController"),
        ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"),
    ];

    /// <summary>True for the events.k8s.io view, whose objects are converted on the way in and out.</summary>
    public static bool Converts(ResourceKind kind) => kind.Group == "events.k8s.io" && kind.Plural == "events";

    public static JsonObject ToCore(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var core = Renames.FirstOrDefault(r => r.EventsV1 == key).Core ?? key;
            copy[core] = value?.DeepClone();
        }

        copy["apiVersion"] = "v1";
        return copy;
    }

    public static JsonObject ToEventsV1(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var view = Renames.FirstOrDefault(r => r.Core == key).EventsV1 ?? key;
            copy[view] = value?.DeepClone();
        }

        copy["apiVersion"] = "events.k8s.io/v1";
        return copy;
    }
}

using System.Globalization;
using System.Text.Json;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.LeaderElection;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Addons.Kit.Kubernetes.Helpers;

/// <summary>Records <c>events.k8s.io/v1</c> Events about objects, aggregating repeats.</summary>
/// <remarks>
/// <para>Aggregation: the same type, reason, action and note about the same object within
/// <see cref="AggregationWindow"/> of its previous occurrence patches the existing Event's <c>series</c>
/// (count, lastObservedTime) instead of creating a new one.</para>
/// <para>Failures to record are logged (warning) and not thrown: an Event is a best-effort side channel and must
/// not fail the reconcile that emits it. Cancellation is thrown.</para>
/// </remarks>
public sealed partial class EventRecorder
{
    /// <summary>Repeats within this time of the last occurrence are aggregated (10 minutes).</summary>
    public static readonly TimeSpan AggregationWindow = TimeSpan.FromMinutes(10);

    private const int MaxNote = 1024;
    private const int MaxCached = 4096;
    private readonly ResourceClient<Eventsv1Event> events;
    private readonly string controller;
    private readonly string instance;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Occurrence> seen = new(StringComparer.Ordinal);

    /// <summary>Creates a recorder.</summary>
    /// <param name="api">The API client.</param>
    /// <param name="reportingController">The controller name, e.g. <c>addons.io/karc</c>.</param>
    /// <param name="reportingInstance">This replica, e.g. the pod name. <value>The default value is the host name.</value></param>
    /// <param name="logger">Logs failures.</param>
    /// <param name="timeProvider">The clock. <value>The default value is the client's clock.</value></param>
    public EventRecorder(KubeApi api, string reportingController, string? reportingInstance = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(reportingController);
        events = api.For(ResourceType.Event, KubeJson.Event);
        controller = reportingController;
        instance = reportingInstance ?? Environment.MachineName;
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? api.Time;
    }

    /// <summary>Records an event about <paramref name="regarding"/>.</summary>
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="type">Normal or Warning.</param>
    /// <param name="reason">Short UpperCamelCase reason, e.g. <c>Frozen</c>.</param>
    /// <param name="action">What was done or failed, e.g. <c>Patch</c>.</param>
    /// <param name="note">Human-readable detail (truncated to 1 KiB).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, KubeEventType type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(action);
        note ??= "";
        if (note.Length > MaxNote)
        {
            note = note[..MaxNote];
        }

        var meta = regarding.Metadata;
        var ns = string.IsNullOrEmpty(meta?.NamespaceProperty) ? "default" : meta.NamespaceProperty;
        var key = string.Join('\u001f', regarding.Kind, meta?.NamespaceProperty, meta?.Name, meta?.Uid, type, reason, action, note);
        var now = time.GetUtcNow();
        try
        {
            if (TakeRepeat(key, now) is { } repeat)
            {
                try
                {
                    await events.PatchAsync(ns, repeat.Name, SeriesPatch(repeat.Count, now), cancellationToken);
                    return;
                }
                catch (KubeApiException e) when (e.IsNotFound)
                {
                    // The earlier Event expired (TTL) or was deleted: start a new one.
                    Forget(key);
                }
            }

            var created = await events.CreateAsync(NewEvent(regarding, ns, type, reason, action, note, now), cancellationToken);
            Remember(key, created.Metadata.Name, now);
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or TimeoutException)
        {
            Log.Failed(logger, e, reason, regarding.Kind, meta?.NamespaceProperty, meta?.Name);
        }
    }

    private Occurrence? TakeRepeat(string key, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!seen.TryGetValue(key, out var last) || now - last.LastSeen > AggregationWindow)
            {
                return null;
            }

            var next = last with { Count = last.Count + 1, LastSeen = now };
            seen[key] = next;
            return next;
        }
    }

    private void Remember(string key, string name, DateTimeOffset now)
    {
        lock (gate)
        {
            if (seen.Count >= MaxCached)
            {
                foreach (var stale in seen.Where(p => now - p.Value.LastSeen > AggregationWindow).Select(p => p.Key).ToList())
                {
                    seen.Remove(stale);
                }

                if (seen.Count >= MaxCached)
                {
                    seen.Clear();
                }
            }

            seen[key] = new Occurrence(name, 1, now);
        }
    }

    private void Forget(string key)
    {
        lock (gate)
        {
            seen.Remove(key);
        }
    }

    private Eventsv1Event NewEvent(IKubernetesObject<V1ObjectMeta> regarding, string ns, KubeEventType type, string reason, string action, string note, DateTimeOffset now)
    {
        var meta = regarding.Metadata;
        var baseName = string.IsNullOrEmpty(meta?.Name) ? "event" : meta.Name;

        // client-go's naming: <object>.<unix nanos in hex>, unique per object and instant.
        var name = baseName + "." + ((now.ToUnixTimeMilliseconds() * 1_000_000) + Random.Shared.Next(1_000_000)).ToString("x", CultureInfo.InvariantCulture);
        return new Eventsv1Event
        {
            ApiVersion = "events.k8s.io/v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            EventTime = now.UtcDateTime,
            ReportingController = controller,
            ReportingInstance = instance,
            Type = type.ToString(),
            Reason = reason,
            Action = action,
            Note = note,
            Regarding = new V1ObjectReference
            {
                ApiVersion = regarding.ApiVersion,
                Kind = regarding.Kind,
                Name = meta?.Name,
                NamespaceProperty = meta?.NamespaceProperty,
                Uid = meta?.Uid,
                ResourceVersion = meta?.ResourceVersion,
            },
        };
    }

    private static KubePatch SeriesPatch(int count, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("series");
            writer.WriteNumber("count", count);
            writer.WriteString("lastObservedTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return KubePatch.Merge(buffer.ToArray());
    }

    private sealed record Occurrence(string Name, int Count, DateTimeOffset LastSeen);
}

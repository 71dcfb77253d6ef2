using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Watching;
using Addons.Kit.LeaderElection;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Addons.Karc.Freezes;

/// <summary>
/// Records events.k8s.io/v1 Events about freezes and NodePools. Both are cluster-scoped, so the
/// events go to the <c>default</c> namespace, as kube's own recorder does for cluster-scoped objects.
/// </summary>
/// <remarks>An event that cannot be written is logged and dropped: events are informational and must never fail a reconcile.</remarks>
internal sealed partial class FreezeEvents(KubeApi kube, TimeProvider time, ILogger<FreezeEvents> logger)
{
    private const string Namespace = "default";
    private const string Controller = "karc.io/consolidationfreeze-controller";
    private readonly string _instance = Environment.MachineName;

    public async Task RecordAsync(string apiVersion, string kind, string name, string? uid, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ev = new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = $"{name}.", NamespaceProperty = Namespace },
            EventTime = now,
            ReportingController = Controller,
            ReportingInstance = _instance,
            Action = action,
            Reason = reason,
            Note = note,
            Type = type,
            Regarding = new V1ObjectReference { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid },
        };

        try
        {
            await kube.For(ResourceType.Event, KubeJson.Event).CreateAsync(ev, cancellationToken);
        }
        catch (Exception e) when (e is KubeApiException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
        {
            Log.EventFailed(logger, reason, kind, name, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Event {Reason} on {Kind} {Name} not recorded: {Error}")]
        public static partial void EventFailed(ILogger logger, string reason, string kind, string name, string error);
    }
}

namespace Addons.Kit.Kubernetes.Client;

/// <summary>One event of a raw watch stream.</summary>
/// <typeparam name="T">The object type.</typeparam>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object; null only for <see cref="WatchEventType.Bookmark"/>.</param>
/// <param name="ResourceVersion">The resourceVersion this event brings the watch to (resume point).</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, string ResourceVersion)
    where T : class;

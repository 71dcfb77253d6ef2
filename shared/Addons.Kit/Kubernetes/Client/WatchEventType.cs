namespace Addons.Kit.Kubernetes.Client;

/// <summary>The type of a raw watch event.</summary>
public enum WatchEventType
{
    /// <summary>An object was created (or is new to this watch).</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was deleted; the event carries its last state.</summary>
    Deleted,

    /// <summary>No object change: the server reports progress (a newer resourceVersion) only.</summary>
    Bookmark,
}

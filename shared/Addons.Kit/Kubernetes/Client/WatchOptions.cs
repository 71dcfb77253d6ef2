namespace Addons.Kit.Kubernetes.Client;

/// <summary>Options of one raw watch request.</summary>
public sealed record WatchOptions
{
    /// <summary>Start after this resourceVersion (from a list or the last event). Null: "any", the server picks.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Label selector. Null: all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector. Null: all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Ask the server for BOOKMARK events. <value>The default value is true.</value></summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>Server-side timeout after which the server ends the stream cleanly. Null: the server's default.</summary>
    public TimeSpan? Timeout { get; init; }
}

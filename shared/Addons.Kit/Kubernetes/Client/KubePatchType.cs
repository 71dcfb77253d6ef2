namespace Addons.Kit.Kubernetes.Client;

/// <summary>The patch formats the API server accepts.</summary>
public enum KubePatchType
{
    /// <summary>JSON merge patch (RFC 7386), <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>JSON patch (RFC 6902), <c>application/json-patch+json</c>.</summary>
    Json,

    /// <summary>Strategic merge patch (built-in kinds only), <c>application/strategic-merge-patch+json</c>.</summary>
    Strategic,

    /// <summary>Server-side apply, <c>application/apply-patch+yaml</c> (JSON is valid YAML).</summary>
    Apply,
}

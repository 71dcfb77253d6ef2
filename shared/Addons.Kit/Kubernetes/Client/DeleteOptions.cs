namespace Addons.Kit.Kubernetes.Client;

/// <summary>Options of a delete request (a subset of <c>DeleteOptions</c>).</summary>
public sealed record DeleteOptions
{
    /// <summary><c>Orphan</c>, <c>Background</c> or <c>Foreground</c>. Null: the server's default for the kind.</summary>
    public string? PropagationPolicy { get; init; }

    /// <summary>Grace period for pods; null: the object's default.</summary>
    public long? GracePeriodSeconds { get; init; }

    /// <summary>Precondition: delete only if the object still has this resourceVersion (else 409).</summary>
    public string? PreconditionResourceVersion { get; init; }

    /// <summary>Precondition: delete only if the object still has this uid (else 409).</summary>
    public string? PreconditionUid { get; init; }
}

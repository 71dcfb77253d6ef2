namespace Addons.Kit.Controllers;

/// <summary>What a reconcile asks of the controller next.</summary>
public readonly record struct ReconcileResult
{
    private ReconcileResult(TimeSpan? requeueAfter) => RequeueAfter = requeueAfter;

    /// <summary>When to reconcile again regardless of changes; null = only on the next change.</summary>
    public TimeSpan? RequeueAfter { get; }

    /// <summary>Done; reconcile again only when the object (or a mapped secondary object) changes.</summary>
    public static ReconcileResult AwaitChange() => new(null);

    /// <summary>
    /// Reconcile again after <paramref name="after"/> (earlier if the object changes meanwhile). A zero
    /// delay requeues through the rate limiter, like a retry without an error.
    /// </summary>
    public static ReconcileResult Requeue(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        return new ReconcileResult(after);
    }
}

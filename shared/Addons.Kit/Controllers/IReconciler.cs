namespace Addons.Kit.Controllers;

/// <summary>
/// Brings the world in line with one object. Level-based: the controller calls it with the
/// latest cached state of the object whose key was queued, not with the event that queued it.
/// </summary>
/// <typeparam name="T">The watched kind.</typeparam>
/// <remarks>
/// <para>Guarantees: a key is never reconciled twice at the same time; many events for one key
/// while it waits are folded into one call.</para>
/// <para>Deletion: an object that is being deleted (it has a <c>deletionTimestamp</c> and
/// finalizers) is still in the cache and is delivered to <see cref="ReconcileAsync"/> like any other
/// — finalizer logic goes there. Once the object is gone from the cache,
/// <see cref="ReconcileDeletedAsync"/> is called once instead, with its last known state.</para>
/// <para>Errors: throwing retries the key with per-key exponential backoff (5 ms doubling to
/// 1000 s) under a global 10 qps / burst 100 limit; <see cref="TerminalReconcileException"/> is
/// logged and counted but not retried. Cancellation means the drain deadline passed during a stop.</para>
/// </remarks>
public interface IReconciler<in T>
    where T : class
{
    /// <summary>Reconciles the latest state of one object.</summary>
    Task<ReconcileResult> ReconcileAsync(T obj, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when the object has left the cache (deleted). The default does nothing: with
    /// finalizers or owner references there is usually nothing left to do.
    /// </summary>
    /// <param name="key">The deleted object's key.</param>
    /// <param name="lastKnown">Its last state the cache saw, or null if none was kept.</param>
    /// <param name="cancellationToken">Cancelled when the drain deadline passes during a stop.</param>
    Task<ReconcileResult> ReconcileDeletedAsync(ObjectKey key, T? lastKnown, CancellationToken cancellationToken) =>
        Task.FromResult(ReconcileResult.AwaitChange());
}

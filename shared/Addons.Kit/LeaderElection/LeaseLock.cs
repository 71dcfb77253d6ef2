using Addons.Kit.Kubernetes.Client;
using k8s.Models;

namespace Addons.Kit.LeaderElection;

/// <summary>The Lease record protocol (as client-go's resourcelock): read, decide, write with resourceVersion.</summary>
/// <remarks>A standby measures a holder's lease from when <em>it observed</em> the record change on its own clock,
/// never from the renewTime written by another machine, so clock skew between replicas cannot shorten a lease. That
/// observation is a monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>): a wall clock that jumps (NTP step,
/// VM resume) cannot expire a healthy lease either. Wall time is only written, as renewTime and acquireTime.</remarks>
internal sealed class LeaseLock(ResourceClient<V1Lease> leases, string ns, string name, string identity, TimeSpan leaseDuration, TimeProvider time)
{
    private V1Lease? last;
    private string? observedVersion;
    private long observedAt;

    /// <summary>The holder in the last record read; null before the first read.</summary>
    public string? LastHolder => last?.Spec?.HolderIdentity;

    /// <summary>One attempt. True when this replica holds the lease afterwards; false when someone else's lease is
    /// still valid. Conflicts and transport errors throw (the caller retries on its schedule).</summary>
    public async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var current = await leases.GetAsync(ns, name, cancellationToken);
        var now = time.GetTimestamp();
        if (current is null)
        {
            var created = await leases.CreateAsync(Record(new V1Lease { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } }, renewing: false), cancellationToken);
            Observe(created, time.GetTimestamp());
            return true;
        }

        if (current.Metadata?.ResourceVersion != observedVersion)
        {
            Observe(current, now);
        }

        last = current;
        var holder = current.Spec?.HolderIdentity;
        var renewing = holder == identity;
        if (!renewing && !string.IsNullOrEmpty(holder) && time.GetElapsedTime(observedAt, now) < DurationOf(current))
        {
            return false;
        }

        var updated = await leases.ReplaceAsync(Record(current, renewing), cancellationToken);
        Observe(updated, time.GetTimestamp());
        return true;
    }

    /// <summary>Gives the lease up so a standby can take it at once: no holder, 1 s duration, renewed now (client-go).</summary>
    /// <returns>False when the lease is no longer ours (nothing to release).</returns>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        if (last?.Spec?.HolderIdentity != identity)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        last.Spec.HolderIdentity = null;
        last.Spec.LeaseDurationSeconds = 1;
        last.Spec.RenewTime = now;
        last.Spec.AcquireTime = now;
        last = await leases.ReplaceAsync(last, cancellationToken);
        return true;
    }

    private void Observe(V1Lease lease, long now)
    {
        last = lease;
        observedVersion = lease.Metadata?.ResourceVersion;
        observedAt = now;
    }

    private TimeSpan DurationOf(V1Lease lease) =>
        lease.Spec?.LeaseDurationSeconds is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : leaseDuration;

    private V1Lease Record(V1Lease lease, bool renewing)
    {
        var spec = lease.Spec ??= new V1LeaseSpec();
        var utc = time.GetUtcNow().UtcDateTime;
        if (!renewing)
        {
            spec.AcquireTime = utc;
            spec.LeaseTransitions = spec.HolderIdentity is null && spec.LeaseTransitions is null ? 0 : (spec.LeaseTransitions ?? 0) + 1;
        }

        spec.HolderIdentity = identity;
        spec.AcquireTime ??= utc;
        spec.RenewTime = utc;
        spec.LeaseDurationSeconds = (int)Math.Ceiling(leaseDuration.TotalSeconds);
        return lease;
    }
}

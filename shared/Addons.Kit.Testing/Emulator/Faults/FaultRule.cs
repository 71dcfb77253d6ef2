namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// One injected error: requests matching <see cref="Verb"/> and <see cref="Resource"/> fail with
/// <see cref="StatusCode"/> with the given probability, up to <see cref="Count"/> times.
/// </summary>
public sealed class FaultRule
{
    private int _hits;

    /// <summary>Status code to answer with: 429, 500, 503, or any other error code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>API verb (get, list, watch, create, update, patch, delete, deletecollection); null matches all.</summary>
    public string? Verb { get; init; }

    /// <summary>Resource as RBAC names it: "leases", "pods/status", or "nodepools.karpenter.sh"; null matches all.</summary>
    public string? Resource { get; init; }

    /// <summary>Chance a matching request fails, 0..1.</summary>
    /// <value>The default value is 1 (always).</value>
    public double Probability { get; init; } = 1;

    /// <summary>How many times the rule fires before it stops matching; null is unlimited.</summary>
    public int? Count { get; init; }

    /// <summary>Sent as the Retry-After header and details.retryAfterSeconds (429 and 503).</summary>
    /// <value>The default value is 1 second for 429 and 503, none otherwise.</value>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many requests this rule has failed so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal static bool Matches(string? wantVerb, string? wantResource, string verb, string plural, string resource, string group) =>
        (wantVerb is null || wantVerb == verb)
        && (wantResource is null || wantResource == resource || wantResource == plural || wantResource == plural + "." + group);

    internal bool TryFire(string verb, string plural, string resource, string group, Random random)
    {
        if (!Matches(Verb, Resource, verb, plural, resource, group))
        {
            return false;
        }

        if (Probability < 1 && random.NextDouble() >= Probability)
        {
            return false;
        }

        var hits = Interlocked.Increment(ref _hits);
        if (Count is { } count && hits > count)
        {
            Interlocked.Decrement(ref _hits);
            return false;
        }

        return true;
    }
}

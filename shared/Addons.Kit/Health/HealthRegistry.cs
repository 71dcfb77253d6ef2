namespace Addons.Kit.Health;

/// <summary>
/// The named liveness and readiness checks of this process. Components add their checks when they
/// are created (a controller adds "its caches synced"); the probe listener evaluates them per request.
/// </summary>
/// <remarks>Thread-safe. The built-in readiness check <c>lifecycle</c> passes only between start and stop.</remarks>
public sealed class HealthRegistry
{
    private readonly Lock _gate = new();
    private IHealthCheck[] _liveness = [];
    private IHealthCheck[] _readiness = [];

    /// <summary>Adds a check to <c>/healthz</c> or <c>/readyz</c>.</summary>
    public void Add(HealthCheckKind kind, IHealthCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            if (kind == HealthCheckKind.Liveness)
            {
                _liveness = [.. _liveness, check];
            }
            else
            {
                _readiness = [.. _readiness, check];
            }
        }
    }

    /// <summary>Adds a check from a name and a function.</summary>
    public void Add(HealthCheckKind kind, string name, Func<HealthCheckResult> check) =>
        Add(kind, new DelegateHealthCheck(name, check));

    /// <summary>The current checks of one kind (a snapshot).</summary>
    public IReadOnlyList<IHealthCheck> Checks(HealthCheckKind kind) =>
        kind == HealthCheckKind.Liveness ? Volatile.Read(ref _liveness) : Volatile.Read(ref _readiness);
}

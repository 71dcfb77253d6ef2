namespace Addons.Kit.Health;

/// <summary>Which endpoint a check feeds.</summary>
public enum HealthCheckKind
{
    /// <summary><c>/healthz</c>: failing means the process is wedged and should be restarted.</summary>
    Liveness,

    /// <summary><c>/readyz</c>: failing means the process is not (or no longer) ready to do its work.</summary>
    Readiness,
}

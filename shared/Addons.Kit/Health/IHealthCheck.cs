namespace Addons.Kit.Health;

/// <summary>A named, cheap, synchronous check (it reads state; it never does I/O).</summary>
public interface IHealthCheck
{
    /// <summary>The check's name, shown by <c>?verbose</c>.</summary>
    string Name { get; }

    /// <summary>Evaluates the check now.</summary>
    HealthCheckResult Check();
}

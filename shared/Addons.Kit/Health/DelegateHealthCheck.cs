namespace Addons.Kit.Health;

/// <summary>A check from a name and a function.</summary>
internal sealed class DelegateHealthCheck(string name, Func<HealthCheckResult> check) : IHealthCheck
{
    public string Name { get; } = name;

    public HealthCheckResult Check() => check();
}

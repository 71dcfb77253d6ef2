namespace Addons.Kit.Health;

/// <summary>The outcome of one named check.</summary>
/// <param name="Healthy">Whether the check passes.</param>
/// <param name="Reason">Why it fails; logged at debug level, never put in the public probe body.</param>
public readonly record struct HealthCheckResult(bool Healthy, string? Reason = null)
{
    /// <summary>A passing result.</summary>
    public static HealthCheckResult Pass { get; } = new(true);

    /// <summary>A failing result with a reason for the log.</summary>
    public static HealthCheckResult Fail(string reason) => new(false, reason);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Shutdown;

/// <summary>Graceful shutdown deadlines (configuration section <c>Shutdown</c>).</summary>
public sealed class ShutdownOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Shutdown";

    // 25 s: below Kubernetes' default 30 s termination grace period, so we exit before SIGKILL.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(25);

    // 20 s: leaves 5 s of the total for stopping watches, releasing the lease and flushing logs.
    private static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Total time from the first signal to process exit (<c>Shutdown:Timeout</c>, <c>hh:mm:ss</c>).</summary>
    /// <value>The default value is 25 seconds.</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>How long in-flight reconciles may run after the stop signal before they are cancelled (<c>Shutdown:DrainTimeout</c>).</summary>
    /// <value>The default value is 20 seconds; it must be shorter than <see cref="Timeout"/>.</value>
    public TimeSpan DrainTimeout { get; set; } = DefaultDrainTimeout;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // TimeSpan ranges are checked here: RangeAttribute(typeof(TimeSpan), ...) is not trim-safe.
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > MaxTimeout)
        {
            yield return new ValidationResult("accepted values: a duration from 00:00:01 to 00:10:00", [nameof(Timeout)]);
        }

        if (DrainTimeout < TimeSpan.Zero || DrainTimeout >= Timeout)
        {
            yield return new ValidationResult(
                "accepted values: a duration from 00:00:00 up to, not including, Shutdown:Timeout", [nameof(DrainTimeout)]);
        }
    }
}

/// <summary>Source-generated validator for <see cref="ShutdownOptions"/> (runs <see cref="ShutdownOptions.Validate"/> too).</summary>
[OptionsValidator]
internal sealed partial class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>;

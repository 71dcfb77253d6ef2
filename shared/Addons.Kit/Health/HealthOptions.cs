using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Addons.Kit.Health;

/// <summary>The probe and metrics listener (configuration section <c>Health</c>; flag <c>--health-port</c>).</summary>
public sealed class HealthOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Health";

    /// <summary>TCP port for <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>; 0 turns the listener off.</summary>
    /// <value>The default value is 8080, the port the charts' probes use.</value>
    public int Port { get; set; } = 8080;

    /// <summary>The address to listen on.</summary>
    /// <value>The default value is <c>0.0.0.0</c>: the kubelet probes the pod IP.</value>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// One deadline per request, covering the wait for its head (including keep-alive idle time before it)
    /// and writing the response: a slow-loris client or one that pipelines requests without reading the
    /// answers holds a connection at most this long.
    /// </summary>
    /// <value>The default value is 5 seconds (the kubelet's probes time out after 1 s by default).</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Checked here rather than with [Range]: the generated validator drops custom error messages.
        if (Port is < 0 or > 65535)
        {
            yield return new ValidationResult("accepted values: an integer from 0 to 65535 (0 = off)", [nameof(Port)]);
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("accepted values: a duration above 0 and at most 10 minutes, e.g. 00:00:05", [nameof(RequestTimeout)]);
        }

        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult("accepted values: an IPv4 or IPv6 address such as 0.0.0.0 or 127.0.0.1", [nameof(BindAddress)]);
        }
    }
}

/// <summary>Source-generated validator for <see cref="HealthOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;

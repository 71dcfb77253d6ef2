using Addons.Kit.Settings;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Addons.Kit.Logging;

/// <summary>Log level and format (configuration section <c>Logging</c>; flags <c>--log-level</c>, <c>--log-format</c>).</summary>
public sealed class LoggingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Logging";

    /// <summary>Minimum level: Verbose, Debug, Information, Warning, Error, Fatal (Trace and Critical are accepted aliases).</summary>
    /// <value>The default value is <c>Information</c>.</value>
    [OneOf("Verbose", "Trace", "Debug", "Information", "Warning", "Error", "Fatal", "Critical")]
    public string Level { get; set; } = "Information";

    /// <summary><c>json</c> (compact JSON lines), <c>text</c> (human-readable) or <c>auto</c> (text on a TTY, JSON otherwise).</summary>
    /// <value>The default value is <c>auto</c>.</value>
    [OneOf("auto", "json", "text")]
    public string Format { get; set; } = "auto";

    /// <summary>The Serilog level for <see cref="Level"/> (call after validation).</summary>
    internal LogEventLevel MinimumLevel => Level.ToUpperInvariant() switch
    {
        "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
        "DEBUG" => LogEventLevel.Debug,
        "WARNING" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };

    /// <summary>Whether to write JSON: explicit format, else JSON unless stdout is a terminal.</summary>
    internal bool UseJson(bool stdoutIsTerminal) =>
        Format.Equals("json", StringComparison.OrdinalIgnoreCase)
        || (Format.Equals("auto", StringComparison.OrdinalIgnoreCase) && !stdoutIsTerminal);
}

/// <summary>Source-generated validator for <see cref="LoggingOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class LoggingOptionsValidator : IValidateOptions<LoggingOptions>;

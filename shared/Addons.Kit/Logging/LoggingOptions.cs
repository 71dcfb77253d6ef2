using Addons.Kit.Settings;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Addons.Kit.Logging;

/// <summary>Log level and format (configuration section <c>Logging</c>; flags <c>--log-level</c>, <c>--log-format</c>).</summary>
public sealed class LoggingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Logging";

    /// <summary>
    /// Minimum level: Verbose, Debug, Information, Warning, Error, Fatal, or Off; the short names trace,
    /// info, warn and critical are aliases (the addons' flags use them).
    /// </summary>
    /// <value>The default value is <c>Information</c>.</value>
    [OneOf("Verbose", "Trace", "Debug", "Information", "Info", "Warning", "Warn", "Error", "Fatal", "Critical", "Off")]
    public string Level { get; set; } = "Information";

    /// <summary><c>json</c> (compact JSON lines), <c>text</c> (human-readable) or <c>auto</c> (text on a TTY, JSON otherwise).</summary>
    /// <value>The default value is <c>auto</c>.</value>
    [OneOf("auto", "json", "text")]
    public string Format { get; set; } = "auto";

    /// <summary>
    /// Where log lines go: <c>stdout</c>, or <c>stderr</c> for a job whose stdout is its output (gss's report;
    /// <c>AddonHostBuilder.LogToStandardError</c> makes it the addon's default).
    /// </summary>
    /// <value>The default value is <c>stdout</c>.</value>
    [OneOf("stdout", "stderr")]
    public string Output { get; set; } = "stdout";

    /// <summary>True when <see cref="Output"/> is stderr.</summary>
    internal bool ToStandardError => Output.Equals("stderr", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Serilog level for <see cref="Level"/> (call after validation).</summary>
    internal LogEventLevel MinimumLevel => Level.ToUpperInvariant() switch
    {
        "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
        "DEBUG" => LogEventLevel.Debug,
        "WARNING" or "WARN" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
        // Above Fatal: nothing is written.
        "OFF" => LogEventLevel.Fatal + 1,
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

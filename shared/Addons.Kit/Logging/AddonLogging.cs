using Serilog;
using Serilog.Events;

namespace Addons.Kit.Logging;

/// <summary>Configures Serilog the same way for every addon: compact JSON lines in containers, text on a terminal.</summary>
internal static class AddonLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static LoggerConfiguration Configure(LoggerConfiguration configuration, LoggingOptions options, string addon, bool stdoutIsTerminal)
    {
        configuration
            .MinimumLevel.Is(options.MinimumLevel)
            // The framework's own chatter is not ours to read at Information.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.With(new DefaultSourceContextEnricher(addon));

        // Every level to stderr when asked (Verbose is the lowest level), else everything to stdout.
        LogEventLevel? toStandardError = options.ToStandardError ? LogEventLevel.Verbose : null;
        return options.UseJson(stdoutIsTerminal)
            ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: toStandardError)
            : configuration.WriteTo.Console(
                outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError);
    }
}

using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Addons.Kit.Logging;

/// <summary>Configures Serilog the same way for every addon: compact JSON lines in containers, text on a terminal.</summary>
internal static class AddonLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <param name="streams">Where lines go; <see cref="LogStreams.Process"/> unless a test captures them.</param>
    public static LoggerConfiguration Configure(
        LoggerConfiguration configuration, LoggingOptions options, string addon, bool stdoutIsTerminal, LogStreams? streams = null, TimeProvider? time = null)
    {
        streams ??= LogStreams.Process;
        configuration
            .MinimumLevel.Is(options.MinimumLevel)
            // The framework's own chatter is not ours to read at Information.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.With(new DefaultSourceContextEnricher(addon));

        var json = options.UseJson(stdoutIsTerminal);
        if (!json && streams.IsTerminal(options.ToStandardError))
        {
            // Someone is reading along: colours and every line at once. Speed does not matter here.
            LogEventLevel? toStandardError = options.ToStandardError ? LogEventLevel.Verbose : null;
            return configuration.WriteTo.Console(
                outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError);
        }

        ITextFormatter formatter = json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, CultureInfo.InvariantCulture);
        var output = options.ToStandardError ? streams.OpenStandardError() : streams.OpenStandardOutput();
        return configuration.WriteTo.Sink(new BufferedLogSink(output, formatter, time ?? TimeProvider.System));
    }
}

using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Extensions.Logging;

namespace Addons.Gss.Service;

/// <summary>
/// Logs go to stderr (stdout carries the report, which json and markdown make machine-readable),
/// one text line each. gss's seam for the kit's job-mode logging once that lands.
/// </summary>
internal static class GssLogging
{
    private const string Template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level:u4} {Message:lj}{NewLine}{Exception}";

    public static ILoggerFactory Create(Microsoft.Extensions.Logging.LogLevel level, TextWriter errors)
    {
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(level switch
            {
                Microsoft.Extensions.Logging.LogLevel.Debug => LogEventLevel.Debug,
                Microsoft.Extensions.Logging.LogLevel.Warning => LogEventLevel.Warning,
                Microsoft.Extensions.Logging.LogLevel.Error => LogEventLevel.Error,
                _ => LogEventLevel.Information,
            })
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .WriteTo.Sink(new TextWriterSink(errors, new MessageTemplateTextFormatter(Template, System.Globalization.CultureInfo.InvariantCulture)))
            .CreateLogger();
        return new SerilogLoggerFactory(serilog, dispose: true);
    }

    /// <summary>Writes each event as one line to a writer (stderr in production, a buffer in tests).</summary>
    private sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
    {
        private readonly Lock _gate = new();

        public void Emit(LogEvent logEvent)
        {
            lock (_gate)
            {
                formatter.Format(logEvent, writer);
                writer.Flush();
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Extensions.Logging;

namespace Addons.Gss.Service;

/// <summary>
/// Logs of an in-process run (<see cref="GssProgram"/>: tests, the benchmark) to a writer, one text line
/// each. The process itself logs through the kit host (to stderr: stdout carries the report).
/// </summary>
internal static class GssLogging
{
    private const string Template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {Level:u4} {Message:lj}{NewLine}{Exception}";

    /// <param name="level">The kit's <c>Logging:Level</c> value (Verbose, Debug, Information, Warning, Error, Fatal, Off).</param>
    /// <param name="errors">Where the lines go.</param>
    public static ILoggerFactory Create(string level, TextWriter errors)
    {
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(level.ToUpperInvariant() switch
            {
                "VERBOSE" => LogEventLevel.Verbose,
                "DEBUG" => LogEventLevel.Debug,
                "WARNING" => LogEventLevel.Warning,
                "ERROR" => LogEventLevel.Error,
                "FATAL" or "OFF" => LogEventLevel.Fatal,
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

using Microsoft.Extensions.Logging;

namespace Addons.Karc.Cli;

/// <summary>
/// The CLI's logger: one plain line per message (<c>warn: …</c>) to stderr, so stdout stays clean for
/// tables and JSON. The controller uses the kit's Serilog setup instead.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter error, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(error, minimum);

    public void Dispose()
    {
        // Nothing to release: the writer belongs to the console.
    }

    private sealed class Logger(TextWriter error, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var label = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "error",
                _ => "crit",
            };
            var line = $"{label}: {formatter(state, exception)}";
            lock (error)
            {
                error.WriteLine(line);
                if (exception is not null && minimum <= LogLevel.Debug)
                {
                    error.WriteLine(exception.ToString());
                }
            }
        }
    }
}

using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Addons.Kit.Logging;

/// <summary>
/// Writes formatted log events to a stream through one buffer, so a burst of lines costs one
/// <c>write(2)</c> per 16 KiB instead of one per line (a cleaner dry run logs a line per file; the
/// console sink made logging most of its run time).
/// </summary>
/// <remarks>
/// Flushed at most <see cref="FlushInterval"/> after the first line that entered an empty buffer, at once
/// for <see cref="LogEventLevel.Fatal"/>, on <see cref="Dispose"/> (the host's shutdown), on process exit
/// and on an unhandled exception, so nothing logged before a crash is lost. No timer runs while the buffer
/// is empty: an idle addon is not woken up. When the reader goes away (EPIPE) the sink goes quiet instead
/// of throwing into the code that logged.
/// </remarks>
internal sealed class BufferedLogSink : ILogEventSink, IDisposable
{
    /// <summary>The longest a line waits in the buffer.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private const int BufferChars = 16 * 1024;

    private readonly Lock _lock = new();
    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _writer;
    private readonly ITimer _timer;
    private bool _pending;
    private bool _closed;

    public BufferedLogSink(Stream output, ITextFormatter formatter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentNullException.ThrowIfNull(time);
        _formatter = formatter;
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferChars, leaveOpen: true) { AutoFlush = false };
        _timer = time.CreateTimer(static state => ((BufferedLogSink)state!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        AppDomain.CurrentDomain.ProcessExit += OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException += OnProcessEnding;
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            try
            {
                // A full buffer is written by the StreamWriter itself, in the middle of a line if need be.
                _formatter.Format(logEvent, _writer);
            }
            catch (IOException)
            {
                _closed = true;
                return;
            }

            if (logEvent.Level == LogEventLevel.Fatal)
            {
                FlushLocked();
            }
            else if (!_pending)
            {
                _pending = true;
                _timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Writes what is buffered now.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessEnding;
        AppDomain.CurrentDomain.UnhandledException -= OnProcessEnding;
        lock (_lock)
        {
            FlushLocked();
            _closed = true;
        }

        _timer.Dispose();
        _writer.Dispose();
    }

    private void OnProcessEnding(object? sender, EventArgs e) => Flush();

    private void FlushLocked()
    {
        _pending = false;
        if (_closed)
        {
            return;
        }

        try
        {
            _writer.Flush();
        }
        catch (IOException)
        {
            // The reader is gone (EPIPE, a closed pipe): there is nowhere left to write, and logging must not throw.
            _closed = true;
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>Captures log entries (event id, message and structured state) so tests can await them.</summary>
internal sealed class CapturingLogger : ILogger
{
    public Channel<LogEntry> Entries { get; } = Channel.CreateUnbounded<LogEntry>();

    public ConcurrentQueue<LogEntry> All { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new LogEntry(logLevel, eventId.Id, formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value), exception);
        All.Enqueue(entry);
        Entries.Writer.TryWrite(entry);
    }

    /// <summary>Waits for the next entry matching <paramref name="match"/>.</summary>
    public async Task<LogEntry> NextAsync(Func<LogEntry, bool> match, CancellationToken ct)
    {
        while (true)
        {
            var entry = await Entries.Reader.ReadAsync(ct);
            if (match(entry))
            {
                return entry;
            }
        }
    }
}

internal sealed record LogEntry(LogLevel Level, int EventId, string Message, Dictionary<string, object?> Values, Exception? Exception);

using System.Text;
using Addons.Kit.Logging;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace Addons.Kit.Tests.Logging;

public sealed class BufferedLogSinkTests
{
    private static readonly MessageTemplateTextFormatter Lines = new("{Message}{NewLine}");

    [Fact]
    public void Emit_ManyLines_OneWriteWithinTheFlushInterval()
    {
        var time = new FakeTimeProvider();
        var output = new CountingStream();
        using var sink = new BufferedLogSink(output, Lines, time);

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Event(LogEventLevel.Information, $"line {i}"));
        }

        Assert.Equal(0, output.Writes);
        time.Advance(BufferedLogSink.FlushInterval);

        Assert.Equal(1, output.Writes);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"line {i}"), output.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Emit_AfterAFlush_ArmsTheTimerAgain()
    {
        var time = new FakeTimeProvider();
        var output = new CountingStream();
        using var sink = new BufferedLogSink(output, Lines, time);

        sink.Emit(Event(LogEventLevel.Information, "first"));
        time.Advance(BufferedLogSink.FlushInterval);
        sink.Emit(Event(LogEventLevel.Information, "second"));
        time.Advance(BufferedLogSink.FlushInterval - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain("second", output.Text, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Contains("second", output.Text, StringComparison.Ordinal);
        Assert.Equal(2, output.Writes);
    }

    [Fact]
    public void Emit_Fatal_WrittenAtOnceWithWhatWasBuffered()
    {
        var time = new FakeTimeProvider();
        var output = new CountingStream();
        using var sink = new BufferedLogSink(output, Lines, time);

        sink.Emit(Event(LogEventLevel.Warning, "before"));
        sink.Emit(Event(LogEventLevel.Fatal, "crash"));

        Assert.Equal($"before{Environment.NewLine}crash{Environment.NewLine}", output.Text);
    }

    [Fact]
    public void Dispose_WritesWhatIsBuffered()
    {
        var output = new CountingStream();
        var sink = new BufferedLogSink(output, Lines, new FakeTimeProvider());
        sink.Emit(Event(LogEventLevel.Information, "last words"));

        sink.Dispose();

        Assert.Equal($"last words{Environment.NewLine}", output.Text);
    }

    [Fact]
    public void Emit_ReaderGone_StaysQuietInsteadOfThrowing()
    {
        var time = new FakeTimeProvider();
        var output = new CountingStream { Broken = true };
        using var sink = new BufferedLogSink(output, Lines, time);

        sink.Emit(Event(LogEventLevel.Information, "lost"));
        time.Advance(BufferedLogSink.FlushInterval);
        sink.Emit(Event(LogEventLevel.Fatal, new string('x', 40_000)));
        sink.Flush();

        Assert.Equal(1, output.Writes);
    }

    [Fact]
    public void Emit_MoreThanTheBuffer_WrittenInBufferSizedPieces()
    {
        var output = new CountingStream();
        using var sink = new BufferedLogSink(output, Lines, new FakeTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            sink.Emit(Event(LogEventLevel.Information, new string('y', 99)));
        }

        sink.Flush();

        // 100,000 characters in 16 KiB pieces: a handful of writes, not a thousand.
        Assert.InRange(output.Writes, 6, 8);
        Assert.Equal(1000 * (99 + Environment.NewLine.Length), output.Text.Length);
    }

    private static LogEvent Event(LogEventLevel level, string text) =>
        new(DateTimeOffset.UnixEpoch, level, null, new MessageTemplate(text, [new TextToken(text)]), []);

    /// <summary>Counts write calls (each is one write(2) on a real stream; span writes of a derived MemoryStream come here too) and can play a closed pipe.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public bool Broken { get; init; }

        public string Text => Encoding.UTF8.GetString(ToArray());

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            if (Broken)
            {
                throw new IOException("Broken pipe");
            }

            base.Write(buffer, offset, count);
        }
    }
}

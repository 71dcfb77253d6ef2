using System.Buffers;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Splits a watch stream into newline-delimited JSON documents without per-line allocations.</summary>
/// <remarks>A returned line is valid until the next call. Lines above <see cref="MaxLine"/> bytes fail the stream.</remarks>
internal sealed class LineReader(Stream stream) : IDisposable
{
    private const int MaxLine = 64 * 1024 * 1024;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int start;
    private int end;

    /// <summary>The next non-empty line, or null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = buffer.AsMemory(start, newline);
                start += newline + 1;
                if (line.Span.Trim((byte)'\r').IsEmpty)
                {
                    continue;
                }

                return line;
            }

            MakeRoom();
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                // A last line without a newline is still a complete document.
                if (end > start)
                {
                    var rest = buffer.AsMemory(start, end - start);
                    start = end;
                    return rest;
                }

                return null;
            }

            end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void MakeRoom()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxLine)
            {
                throw new InvalidDataException($"watch event larger than {MaxLine} bytes");
            }

            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }
    }
}

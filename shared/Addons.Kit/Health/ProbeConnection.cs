using System.Buffers;
using System.Text;

namespace Addons.Kit.Health;

/// <summary>
/// One keep-alive connection: read a request head, answer, repeat until close or timeout.
/// </summary>
/// <remarks>
/// Guarantees: each request has one deadline, <paramref name="requestTimeout"/>, from the moment the connection
/// starts waiting for it until its response is written — so neither a client that trickles its head
/// (slow loris) nor one that pipelines requests and never reads the answers holds the connection longer.
/// </remarks>
internal sealed class ProbeConnection(Stream stream, ProbeResponder responder, int maxHeadBytes, TimeSpan requestTimeout, ProbeConnectionSlot? slot = null)
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(maxHeadBytes);
        try
        {
            var filled = 0;
            while (true)
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(requestTimeout);
                int headLength;
                (headLength, filled) = await ReadHeadAsync(buffer, filled, deadline.Token);
                if (headLength < 0)
                {
                    return;
                }

                slot?.MarkBusy(true);
                var request = ProbeRequest.Parse(buffer.AsSpan(0, headLength));
                var keepAlive = request is { KeepAlive: true, HasBody: false };
                var response = request is null || request.HasBody
                    ? new ProbeResponse(400, "text/plain; charset=utf-8", "bad request\n"u8.ToArray())
                    : await responder.RespondAsync(request, deadline.Token);
                await WriteAsync(response, request?.Method == "HEAD", keepAlive, deadline.Token);
                slot?.MarkBusy(false);
                if (!keepAlive)
                {
                    return;
                }

                // Keep pipelined bytes that follow this request's head.
                var consumed = headLength + HeadEnd.Length;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until a blank line; returns the head length (-1 on close or oversize) and the bytes buffered.</summary>
    private async Task<(int HeadLength, int Filled)> ReadHeadAsync(byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf(HeadEnd);
            if (end >= 0)
            {
                return (end, filled);
            }

            if (filled >= maxHeadBytes)
            {
                return (-1, filled);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled, maxHeadBytes - filled), cancellationToken);
            if (read == 0)
            {
                return (-1, filled);
            }

            filled += read;
        }
    }

    private async Task WriteAsync(ProbeResponse response, bool headOnly, bool keepAlive, CancellationToken cancellationToken)
    {
        var head = $"HTTP/1.1 {response.StatusCode} {response.ReasonPhrase}\r\n" +
            $"Content-Type: {response.ContentType}\r\n" +
            $"Content-Length: {response.Body.Length}\r\n" +
            $"Connection: {(keepAlive ? "keep-alive" : "close")}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        if (!headOnly)
        {
            await stream.WriteAsync(response.Body, cancellationToken);
        }

        await stream.FlushAsync(cancellationToken);
    }
}

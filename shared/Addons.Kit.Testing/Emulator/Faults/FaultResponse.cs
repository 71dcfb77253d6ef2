using System.Text;
using Microsoft.AspNetCore.Http;

namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// One injected response: requests matching <see cref="Verb"/> and <see cref="Resource"/> (after authentication and
/// authorization, like a real reply) get exactly these bytes instead of the server's answer — garbage, truncated
/// or wrong-typed JSON, a proxy's HTML page, a huge list, a body that stalls half-way.
/// </summary>
/// <remarks>The body is <see cref="Body"/>, then <see cref="Repeat"/> × <see cref="RepeatCount"/>, then <see cref="Suffix"/>,
/// generated while it is sent (a 400 MB body costs the emulator no memory).</remarks>
public sealed class FaultResponse
{
    private int _hits;

    /// <summary>API verb (get, list, watch, create, update, patch, delete); null matches all.</summary>
    public string? Verb { get; init; }

    /// <summary>Resource as RBAC names it ("leases", "nodepools.karpenter.sh"); null matches all.</summary>
    public string? Resource { get; init; }

    /// <summary>How many requests get this response before it stops matching; null is unlimited.</summary>
    public int? Count { get; init; }

    /// <summary>The HTTP status. <value>The default value is 200.</value></summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>The Content-Type header. <value>The default value is <c>application/json</c>.</value></summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The start of the body (UTF-8).</summary>
    public string Body { get; init; } = "";

    /// <summary>A unit repeated <see cref="RepeatCount"/> times after <see cref="Body"/>.</summary>
    public string Repeat { get; init; } = "";

    /// <summary>How many times <see cref="Repeat"/> is sent.</summary>
    public long RepeatCount { get; init; }

    /// <summary>The end of the body.</summary>
    public string Suffix { get; init; } = "";

    /// <summary>Whether to send a Content-Length header for the whole body (else the body is chunked).
    /// <value>The default value is true.</value></summary>
    public bool SendContentLength { get; init; } = true;

    /// <summary>Stop after this many body bytes (the declared length stays the full one) and cut the connection —
    /// a truncated response — or, with <see cref="StallAfterBody"/>, hold it open.</summary>
    public long? TruncateAfter { get; init; }

    /// <summary>With <see cref="TruncateAfter"/>: the connection is cut only when this task completes (a test completes it
    /// once the client has the headers, so the cut lands in the body, not before the response).</summary>
    public Task? CutWhen { get; init; }

    /// <summary>After the bytes are sent, keep the response open (send nothing more) until the client goes away:
    /// a server or proxy that stalls mid-body.</summary>
    public bool StallAfterBody { get; init; }

    /// <summary>How many requests got this response so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>The full body length in bytes.</summary>
    public long Length => Encoding.UTF8.GetByteCount(Body) + (Encoding.UTF8.GetByteCount(Repeat) * RepeatCount) + Encoding.UTF8.GetByteCount(Suffix);

    internal bool TryFire(string verb, string plural, string resource, string group)
    {
        if (!FaultRule.Matches(Verb, Resource, verb, plural, resource, group))
        {
            return false;
        }

        var hits = Interlocked.Increment(ref _hits);
        if (Count is { } count && hits > count)
        {
            Interlocked.Decrement(ref _hits);
            return false;
        }

        return true;
    }

    internal async Task WriteAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = ContentType;
        if (SendContentLength)
        {
            context.Response.ContentLength = Length;
        }

        var budget = TruncateAfter ?? long.MaxValue;
        budget = await SendAsync(context, Encoding.UTF8.GetBytes(Body), 1, budget, ct);
        budget = await SendAsync(context, Encoding.UTF8.GetBytes(Repeat), RepeatCount, budget, ct);
        budget = await SendAsync(context, Encoding.UTF8.GetBytes(Suffix), 1, budget, ct);
        await context.Response.Body.FlushAsync(ct);
        if (StallAfterBody)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        else if (budget <= 0)
        {
            if (CutWhen is { } cut)
            {
                await cut.WaitAsync(ct);
            }

            context.Abort();
        }
    }

    private static async Task<long> SendAsync(HttpContext context, byte[] unit, long times, long budget, CancellationToken ct)
    {
        if (unit.Length == 0 || times <= 0)
        {
            return budget;
        }

        // Batch small units into ~64 KiB writes.
        var perChunk = Math.Max(1, 64 * 1024 / unit.Length);
        var chunk = new byte[unit.Length * (int)Math.Min(perChunk, times)];
        for (var i = 0; i < chunk.Length; i += unit.Length)
        {
            unit.CopyTo(chunk, i);
        }

        var remaining = unit.Length * times;
        while (remaining > 0 && budget > 0)
        {
            var n = (int)Math.Min(Math.Min(chunk.Length, remaining), budget);
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, n), ct);
            remaining -= n;
            budget -= n;
        }

        return budget;
    }
}

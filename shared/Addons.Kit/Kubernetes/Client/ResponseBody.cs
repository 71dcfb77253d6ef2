using System.Globalization;

namespace Addons.Kit.Kubernetes.Client;

/// <summary>Reads a response body into memory, refusing bodies above a byte cap before or while they arrive.</summary>
/// <remarks>Guarantees: at most <c>max</c> bytes (plus one read buffer) are ever held; a declared Content-Length above
/// the cap fails before the first body byte is read; a body that ends early (truncated) is a
/// <see cref="KubeResponseException"/>, not an <see cref="IOException"/>. Cancellation (the request timeout) is observed
/// at every read.</remarks>
internal static class ResponseBody
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContent content, long max, KubeRequest request, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > max)
        {
            throw TooLarge(request, max, declared.Value);
        }

        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[declared is { } d ? Math.Max(d, 1) : ChunkSize];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= max)
                    {
                        // One more byte than allowed proves the body is too large.
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken) > 0)
                        {
                            throw TooLarge(request, max, null);
                        }

                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(max, (long)buffer.Length * 2));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
        }
        catch (IOException e)
        {
            // HttpIOException "The response ended prematurely": the connection closed before the declared length.
            throw new KubeResponseException(request.Verb, request.Resource, request.Name, "the body ended early (connection closed mid-response): " + e.Message.ReplaceLineEndings(" "), e);
        }
    }

    private static KubeResponseException TooLarge(KubeRequest request, long max, long? declared)
    {
        var size = declared is { } d ? d.ToString("N0", CultureInfo.InvariantCulture) + " bytes" : "more than that";
        return new KubeResponseException(request.Verb, request.Resource, request.Name,
            $"the body is {size}, above the {max.ToString("N0", CultureInfo.InvariantCulture)}-byte limit (KubeApiOptions.MaxResponseBytes); ask for smaller pages");
    }
}

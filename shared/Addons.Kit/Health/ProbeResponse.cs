namespace Addons.Kit.Health;

/// <summary>A complete response the listener writes back.</summary>
internal sealed record ProbeResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    public string ReasonPhrase => StatusCode switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "Error",
    };
}

namespace Addons.Aws.SigV4;

/// <summary>
/// A request as SigV4 canonicalises it. <see cref="Path"/> is the path to encode (the wire path for
/// services other than S3, which SigV4 then encodes a second time); <see cref="Query"/> holds decoded
/// names and values; <see cref="Headers"/> holds raw names and values (a name may repeat).
/// </summary>
public sealed record SigningInput(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);

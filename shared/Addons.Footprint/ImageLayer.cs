namespace Addons.Footprint;

/// <summary>One layer of a built image: its role (base, runtime, app) and compressed size.</summary>
internal sealed record ImageLayer(string Role, long CompressedBytes, string Digest);

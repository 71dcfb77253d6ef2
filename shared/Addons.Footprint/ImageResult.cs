namespace Addons.Footprint;

/// <summary>A built and checked OCI image.</summary>
/// <param name="Reference">The <c>oci:DIR:TAG</c> reference skopeo inspected.</param>
/// <param name="Layers">Layers, bottom first.</param>
/// <param name="VersionOutput">What <c>--version</c> printed when run from the unpacked image root.</param>
internal sealed record ImageResult(string Reference, IReadOnlyList<ImageLayer> Layers, string VersionOutput)
{
    /// <summary>Sum of the compressed layer sizes (what a node pulls).</summary>
    public long CompressedBytes => Layers.Sum(l => l.CompressedBytes);
}

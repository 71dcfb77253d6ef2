namespace Addons.Footprint;

/// <summary>The results for one addon: both build modes side by side.</summary>
internal sealed class AddonResult(AddonSpec spec)
{
    /// <summary>The addon's table entry.</summary>
    public AddonSpec Spec { get; } = spec;

    /// <summary>NativeAOT.</summary>
    public ModeResult Aot { get; } = new();

    /// <summary>JIT.</summary>
    public ModeResult Jit { get; } = new();

    /// <summary>Failures that stopped a whole mode (publish failed, process never became ready).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The result for <paramref name="mode"/>.</summary>
    public ModeResult For(BuildMode mode) => mode == BuildMode.Aot ? Aot : Jit;
}

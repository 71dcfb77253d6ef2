namespace Addons.Footprint;

/// <summary>The two builds of the same code the harness compares.</summary>
internal enum BuildMode
{
    /// <summary>NativeAOT single binary (the shipping mode).</summary>
    Aot,

    /// <summary>Framework-dependent JIT build run by the shared runtime (the baseline).</summary>
    Jit,
}

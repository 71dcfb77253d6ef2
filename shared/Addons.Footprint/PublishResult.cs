namespace Addons.Footprint;

/// <summary>A published build: where it is, what to execute, and its size on disk.</summary>
/// <param name="Mode">AOT or JIT.</param>
/// <param name="Directory">The publish output folder.</param>
/// <param name="Executable">File to start (the AOT binary, or the JIT app host).</param>
/// <param name="Bytes">AOT: the binary; JIT: the app's files (the shared runtime not included).</param>
internal sealed record PublishResult(BuildMode Mode, string Directory, string Executable, long Bytes);

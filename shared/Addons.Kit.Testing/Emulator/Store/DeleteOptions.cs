namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>The parts of metav1.DeleteOptions the emulator honours.</summary>
internal sealed record DeleteOptions(string? PreconditionUid = null, string? PreconditionResourceVersion = null, string? PropagationPolicy = null, bool DryRun = false)
{
    public bool Orphan => PropagationPolicy == "Orphan";
}

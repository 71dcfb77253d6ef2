using System.Diagnostics;

namespace Addons.Sandbox.Plugins;

/// <summary>
/// One addon's part in the sandbox: the objects it needs seeded, how it is started and what to tell the
/// user. An addon registered with <c>"sandbox": {"plugin": true}</c> in addons/addons.json has one
/// implementation in this folder, listed in <see cref="SandboxAddons.Plugins"/>; the others run as
/// <see cref="ManifestSandboxAddon"/>.
/// </summary>
internal interface ISandboxAddon
{
    string Name { get; }

    /// <summary>YAML files (CRDs first, then objects) applied before any addon starts.</summary>
    IEnumerable<string> SeedFiles(SandboxContext context);

    /// <summary>Prepares local state (directories, files) and returns how to start the addon, or null when it is not built.</summary>
    Task<ProcessStartInfo?> PrepareAsync(SandboxContext context, CancellationToken cancellationToken);

    /// <summary>The path of the addon's readiness endpoint on its port (<see cref="SandboxContext.PortFor"/>); the banner waits for a 200. Null: no endpoint to wait for.</summary>
    string? ReadinessPath => "/readyz";

    /// <summary>Lines telling the user how to poke at the running addon.</summary>
    IEnumerable<string> Describe(SandboxContext context);
}

namespace Addons.Sandbox.Plugins;

/// <summary>Every addon the sandbox knows; a new addon adds its plug-in here.</summary>
internal static class SandboxAddons
{
    public static IReadOnlyList<ISandboxAddon> All { get; } =
    [
        new KarcSandboxAddon(),
        new CleanerSandboxAddon(),
    ];
}

using Addons.Kit.Testing.Repository;

namespace Addons.Sandbox.Plugins;

/// <summary>
/// The addons the sandbox runs: every entry of <c>addons/addons.json</c> with a <c>sandbox</c> section, in
/// manifest order. <c>"plugin": true</c> selects the code plug-in of that name in this folder (demo data of
/// its own); otherwise <see cref="ManifestSandboxAddon"/> starts the manifest's arguments. Nothing here
/// changes when an addon is added.
/// </summary>
internal static class SandboxAddons
{
    private static readonly Lazy<IReadOnlyList<ISandboxAddon>> LazyAll = new(() => From(AddonManifest.Load(RepoLayout.Root)));

    public static IReadOnlyList<ISandboxAddon> All => LazyAll.Value;

    /// <summary>
    /// Code plug-ins by name, for addons whose sandbox run needs code of its own (demo data, a workspace).
    /// An addon that only needs its binary started with some arguments has none: its manifest entry says how.
    /// </summary>
    public static IReadOnlyDictionary<string, ISandboxAddon> Plugins { get; } =
        new ISandboxAddon[] { new KarcSandboxAddon(), new CleanerSandboxAddon(), new GssSandboxAddon() }.ToDictionary(p => p.Name);

    /// <summary>The plug-ins for <paramref name="manifest"/>; throws naming an entry whose plug-in does not exist.</summary>
    public static IReadOnlyList<ISandboxAddon> From(AddonManifest manifest) =>
        manifest.Addons.Where(a => a.Sandbox is not null).Select(a => a.Sandbox!.Plugin
            ? Plugins.GetValueOrDefault(a.Name) ?? throw new InvalidOperationException(
                $"{AddonManifest.RelativePath}: {a.Name} has \"sandbox\": {{\"plugin\": true}} but shared/Addons.Sandbox/Plugins has no plug-in named {a.Name}")
            : new ManifestSandboxAddon(a)).ToList();
}

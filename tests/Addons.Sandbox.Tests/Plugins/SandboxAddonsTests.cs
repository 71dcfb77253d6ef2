using Addons.Kit.Testing.Repository;
using Addons.Sandbox.Plugins;

namespace Addons.Sandbox.Tests.Plugins;

/// <summary>The sandbox's addon list is addons/addons.json: plug-ins and registrations must match.</summary>
public sealed class SandboxAddonsTests
{
    [Fact]
    public void From_RepositoryManifest_RunsEveryEntryWithASandboxSectionInOrder()
    {
        var manifest = AddonManifest.Load();

        var addons = SandboxAddons.From(manifest);

        Assert.Equal(manifest.Addons.Where(a => a.Sandbox is not null).Select(a => a.Name), addons.Select(a => a.Name));
    }

    [Fact]
    public void Plugins_EveryCodePlugin_IsRegisteredWithPluginTrue()
    {
        var manifest = AddonManifest.Load();

        foreach (var name in SandboxAddons.Plugins.Keys)
        {
            Assert.True(manifest.Find(name)?.Sandbox?.Plugin == true, $"shared/Addons.Sandbox/Plugins has a plug-in {name} that no entry of {AddonManifest.RelativePath} selects with \"sandbox\": {{\"plugin\": true}}");
        }
    }

    [Fact]
    public void From_PluginTrueWithoutPlugin_ThrowsNamingTheAddon()
    {
        var manifest = AddonManifest.Parse("""
            {"addons": [{"name": "nothere", "summary": "s", "project": "addons/nothere/N.csproj", "binary": "nothere", "sandbox": {"plugin": true}}]}
            """);

        var error = Assert.Throws<InvalidOperationException>(() => SandboxAddons.From(manifest));

        Assert.Contains("nothere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EntryWithArgsOnly_RunsItFromTheManifest()
    {
        var manifest = AddonManifest.Parse("""
            {"addons": [{"name": "plain", "summary": "s", "project": "addons/plain/P.csproj", "binary": "plain",
                         "sandbox": {"args": ["--health-port={port}"]}}]}
            """);

        var addon = Assert.Single(SandboxAddons.From(manifest));

        Assert.IsType<ManifestSandboxAddon>(addon);
        Assert.Equal("plain", addon.Name);
    }
}

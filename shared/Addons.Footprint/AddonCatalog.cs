using Addons.Kit.Testing.Repository;

namespace Addons.Footprint;

/// <summary>
/// The addons the harness measures: every entry of <c>addons/addons.json</c> with a <c>footprint</c> section,
/// in manifest order (the kit's minimal host first, the baseline of the kit itself). Entries whose project
/// does not exist yet are skipped by the harness.
/// </summary>
internal static class AddonCatalog
{
    // The kit's settings as environment variables (Microsoft.Extensions.Configuration: "__" = ":").
    // Leader election on, as in the charts (2 replicas), so every run holds a Lease.
    private static readonly Dictionary<string, string> KitEnvironment = new()
    {
        ["KUBECONFIG"] = "{kubeconfig}",
        ["Kubernetes__Kubeconfig"] = "{kubeconfig}",
        ["Health__Port"] = "{port}",
        ["Health__BindAddress"] = "127.0.0.1",
        ["LeaderElection__Enabled"] = "true",
        ["LeaderElection__LeaseName"] = "{lease}",
        ["LeaderElection__LeaseNamespace"] = "{namespace}",
        ["LeaderElection__Namespace"] = "{namespace}",
        ["Logging__Level"] = "Information",
    };

    /// <summary>The measured addons of the repository at <paramref name="root"/>.</summary>
    public static IReadOnlyList<AddonSpec> Load(string root) =>
        AddonManifest.Load(root).Addons.Where(a => a.Footprint is not null).Select(a => Spec(root, a, a.Footprint!)).ToList();

    private static AddonSpec Spec(string root, AddonEntry addon, FootprintEntry f)
    {
        var environment = new Dictionary<string, string>(f.KitEnvironment ? KitEnvironment : []);
        foreach (var (name, value) in f.Environment)
        {
            environment[name] = value;
        }

        // Measurer.LoadSetup includes "@path" lines (a file, or every YAML file of a folder).
        var setup = string.Join("\n---\n", f.Setup.Select(p => "@" + p));
        return new AddonSpec(addon.Name, addon.Project, addon.Binary, f.Args, environment, f.UsesApi, setup,
            Template(root, f.Burst), Template(root, f.InFlight)) { Job = f.Job };
    }

    private static string? Template(string root, string? path) => path is null ? null : File.ReadAllText(Path.Combine(root, path));
}

using System.Reflection;

namespace Addons.Sandbox;

/// <summary>Where the checkout is and how this sandbox was built, baked in at build time.</summary>
internal static class RepoLayout
{
    /// <summary>The repository root (the folder holding Addons.sln).</summary>
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>The build configuration the addons were built with alongside the sandbox.</summary>
    public static string Configuration { get; } = Metadata("AddonsConfiguration");

    private static string Metadata(string key) =>
        typeof(RepoLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' missing: build with the Addons.Sandbox project file");
}

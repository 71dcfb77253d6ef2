using Addons.Kit.Testing.Repository;

namespace Addons.Footprint;

/// <summary>Locates the repository root (the folder holding Addons.sln) and the harness's scratch folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the one lookup in Addons.Kit.Testing (working directory, then the harness binary).</summary>
    public static string FindRoot() => Repo.FindRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The git-ignored scratch folder for publishes, images and logs.</summary>
    public static string Scratch(string root) => Path.Combine(root, ".footprint");
}

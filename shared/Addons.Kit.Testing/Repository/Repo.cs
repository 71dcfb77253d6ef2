namespace Addons.Kit.Testing.Repository;

/// <summary>
/// The repository root (the folder holding <c>Addons.sln</c>): <c>$ADDONS_REPO_ROOT</c> when set, else
/// found by walking up from the working directory and then from the running assembly's folder. The one
/// repo-root lookup of the tests, the sandbox and the footprint harness.
/// </summary>
public static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory));

    /// <summary>The repository root; throws <see cref="DirectoryNotFoundException"/> naming where it looked.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary><see cref="Root"/> joined with a path relative to it (forward slashes accepted).</summary>
    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    /// <summary>The first folder holding Addons.sln at or above one of <paramref name="starts"/>.</summary>
    public static string FindRoot(params string[] starts)
    {
        if (Environment.GetEnvironmentVariable("ADDONS_REPO_ROOT") is { Length: > 0 } fromEnv)
        {
            return File.Exists(Path.Combine(fromEnv, "Addons.sln"))
                ? fromEnv
                : throw new DirectoryNotFoundException($"ADDONS_REPO_ROOT={fromEnv} does not hold Addons.sln");
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Addons.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"Addons.sln not found above {string.Join(" or ", starts)}; run from the repository.");
    }
}

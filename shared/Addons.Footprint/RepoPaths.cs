namespace Addons.Footprint;

/// <summary>Locates the repository root (the folder holding Addons.sln) and the harness's scratch folder.</summary>
internal static class RepoPaths
{
    /// <summary>Walks up from the working directory, then from the harness binary, to Addons.sln.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Addons.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Addons.sln not found above the working directory; run the harness from the repository.");
    }

    /// <summary>The git-ignored scratch folder for publishes, images and logs.</summary>
    public static string Scratch(string root) => Path.Combine(root, ".footprint");
}

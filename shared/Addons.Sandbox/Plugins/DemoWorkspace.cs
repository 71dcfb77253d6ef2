namespace Addons.Sandbox.Plugins;

/// <summary>A GitHub Actions runner workspace as the cleaner meets it: sources, build output, caches, a .git and logs.</summary>
internal static class DemoWorkspace
{
    private static readonly string[] Files =
    [
        "repo-a/repo-a/src/main.go",
        "repo-a/repo-a/.git/config",
        "repo-a/repo-a/.git/objects/pack/pack-1.pack",
        "repo-a/repo-a/bin/app",
        "repo-a/repo-a/build.log",
        "repo-b/repo-b/package.json",
        "repo-b/repo-b/node_modules/left-pad/index.js",
        "repo-b/repo-b/dist/bundle.js",
        "repo-b/repo-b/dist/bundle.js.map",
        "_temp/runner-script.sh",
        "_actions/actions/checkout/v4/dist/index.js",
    ];

    public static async Task CreateAsync(string root, CancellationToken cancellationToken)
    {
        foreach (var relative in Files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                await File.WriteAllTextAsync(path, new string('x', 4096 + relative.Length * 100), cancellationToken);
            }
        }
    }
}

namespace Addons.Sandbox;

/// <summary>What an addon plug-in needs to know about the running sandbox.</summary>
internal sealed record SandboxContext(string RepoRoot, string StateDirectory, string KubeconfigPath, Uri ApiUrl)
{
    /// <summary>The kubeconfig path as a user types it from the repository root.</summary>
    public string KubeconfigForShell => ForShell(KubeconfigPath);

    /// <summary>A path under the state folder as a user types it from the repository root.</summary>
    public string ForShell(string path) =>
        Path.GetRelativePath(RepoRoot, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    /// <summary>The built apphost of an addon, or null when the addon has not been built.</summary>
    public string? AddonBinary(string addon)
    {
        var path = Path.Combine(RepoRoot, "addons", addon, "bin", RepoLayout.Configuration, "net10.0", addon);
        return File.Exists(path) ? path : null;
    }
}

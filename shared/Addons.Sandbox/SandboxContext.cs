namespace Addons.Sandbox;

/// <summary>What an addon plug-in needs to know about the running sandbox.</summary>
internal sealed record SandboxContext(string RepoRoot, string StateDirectory, string KubeconfigPath, Uri ApiUrl)
{
    /// <summary>Each addon's port (health/metrics), chosen by the runner so two sandboxes never share one.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The kubectl command as a user types it from the repository root.</summary>
    public string Kubectl { get; init; } = "kubectl";

    /// <summary>The port assigned to <paramref name="addon"/>.</summary>
    public int PortFor(string addon) => Ports.TryGetValue(addon, out var port) ? port : throw new InvalidOperationException($"no port assigned to {addon}");

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

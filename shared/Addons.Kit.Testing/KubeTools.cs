namespace Addons.Kit.Testing;

/// <summary>
/// Locates the kubectl and helm binaries the conformance and chart tests drive: <c>$ADDONS_TOOLS</c>
/// (the <c>.tools</c> directory), else the nearest <c>.tools/</c> walking up from the test's base
/// directory. Missing binaries throw with the command that installs them, so tests fail loudly
/// instead of passing without running.
/// </summary>
public static class KubeTools
{
    /// <summary>Path to kubectl (1.35).</summary>
    public static string Kubectl => Find(Path.Combine("kubectl", "kubectl"));

    /// <summary>Path to helm (4).</summary>
    public static string Helm => Find(Path.Combine("helm", "helm"));

    /// <summary>The .tools directory, or null when none is found.</summary>
    public static string? ToolsDirectory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("ADDONS_TOOLS");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".tools");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    private static string Find(string relative) => Find(ToolsDirectory, relative);

    /// <summary>The binary under <paramref name="tools"/>, or a FileNotFoundException saying how to install it.</summary>
    internal static string Find(string? tools, string relative)
    {
        var path = tools is null ? null : Path.Combine(tools, relative);
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{relative} not found (looked in {(tools ?? "$ADDONS_TOOLS and every parent's .tools/")}). " +
                "Run .ci/install-deps from the repository root to install kubectl 1.35 and helm 4 into .tools/ " +
                "(in a git worktree: ln -s <main checkout>/.tools .tools).");
        }

        return path;
    }
}

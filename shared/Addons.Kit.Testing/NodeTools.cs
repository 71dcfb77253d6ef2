namespace Addons.Kit.Testing;

/// <summary>
/// Locates the npm packages that judge the emulators (installed by <c>.ci/install-deps</c> into
/// <c>.tools/npm</c>): <c>@octokit/rest</c> for the GitHub emulator. Missing packages throw with the
/// install command, so tests fail loudly instead of passing without running.
/// </summary>
public static class NodeTools
{
    /// <summary>The ES module entry point of <c>@octokit/rest</c>, for a script's dynamic <c>import()</c>.</summary>
    public static string OctokitRest =>
        KubeTools.Find(KubeTools.ToolsDirectory, Path.Combine("npm", "node_modules", "@octokit", "rest", "dist-src", "index.js"));
}

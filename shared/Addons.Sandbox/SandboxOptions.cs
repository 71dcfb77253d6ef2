namespace Addons.Sandbox;

/// <summary>Command-line options of the sandbox.</summary>
internal sealed record SandboxOptions(int Port, bool StartAddons, string StateDirectory, bool KeepState = false)
{
    /// <summary>The default API port: fixed so the written kubeconfig and printed commands stay valid across runs.</summary>
    public const int DefaultPort = 16443;

    /// <summary>The file in the state folder that holds the cluster with --keep-state.</summary>
    public const string StateFileName = "cluster.json";

    /// <summary>
    /// --state-dir holds the kubeconfig, addon logs, generated seeds and the cleaner workspace (default .sandbox/).
    /// Cluster objects are kept only with --keep-state (in &lt;state-dir&gt;/cluster.json, saved every few seconds when
    /// something changed and on stop); without it every start seeds a fresh emulator.
    /// </summary>
    public const string Usage = "usage: dotnet run --project shared/Addons.Sandbox [-- --port <1-65535>] [--no-addons] [--state-dir <path>] [--keep-state]";

    /// <summary>Where the cluster is kept (with --keep-state).</summary>
    public string StateFile => Path.Combine(StateDirectory, StateFileName);

    /// <summary>Parses <paramref name="args"/>; returns null and an error naming the bad argument otherwise.</summary>
    public static SandboxOptions? Parse(IReadOnlyList<string> args, string repoRoot, out string? error)
    {
        var port = DefaultPort;
        var startAddons = true;
        var keepState = false;
        var stateDirectory = Path.Combine(repoRoot, ".sandbox");
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], out port) || port is < 1 or > 65535)
                    {
                        error = $"--port: '{args[i]}' is not a port; accepted: an integer 1-65535";
                        return null;
                    }
                    break;
                case "--state-dir" when i + 1 < args.Count:
                    stateDirectory = Path.GetFullPath(args[++i]);
                    break;
                case "--keep-state":
                    keepState = true;
                    break;
                case "--no-addons":
                    startAddons = false;
                    break;
                default:
                    error = $"unknown argument '{args[i]}'; {Usage}";
                    return null;
            }
        }
        return new SandboxOptions(port, startAddons, stateDirectory, keepState);
    }
}

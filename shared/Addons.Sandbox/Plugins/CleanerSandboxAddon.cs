using System.Diagnostics;

namespace Addons.Sandbox.Plugins;

/// <summary>cleaner: a generated runner workspace under .sandbox/ that it cleans in dry-run every minute.</summary>
internal sealed class CleanerSandboxAddon : ISandboxAddon
{
    public string Name => "cleaner";

    public IEnumerable<string> SeedFiles(SandboxContext context) => [];

    public async Task<ProcessStartInfo?> PrepareAsync(SandboxContext context, CancellationToken cancellationToken)
    {
        var binary = context.AddonBinary(Name);
        if (binary is null)
        {
            return null;
        }
        var workspace = Workspace(context);
        await DemoWorkspace.CreateAsync(workspace, cancellationToken);
        var start = new ProcessStartInfo(binary) { WorkingDirectory = context.RepoRoot };
        foreach (var arg in new[]
        {
            $"--target-paths={workspace}",
            "--usage-threshold-percent=0",
            "--cleanup-mode=interval",
            "--check-interval-minutes=1",
            "--dry-run=true",
            FormattableString.Invariant($"--metrics-port={context.PortFor(Name)}"),
        })
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    public IEnumerable<string> Describe(SandboxContext context)
    {
        yield return $"dry-run cleaning {context.ForShell(Workspace(context))} every minute (threshold 0%): tail -f {context.ForShell(Path.Combine(context.StateDirectory, "logs", "cleaner.log"))}";
        yield return $"http://127.0.0.1:{context.PortFor(Name)}/metrics";
    }

    private static string Workspace(SandboxContext context) => Path.Combine(context.StateDirectory, "workspace");
}

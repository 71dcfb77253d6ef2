using System.Diagnostics;

namespace Addons.Gss.Tests.Chart;

/// <summary>Runs helm or kubectl against an emulator's kubeconfig, with private caches, bounded by the caller's token.</summary>
internal sealed class Tool(string directory, string kubeconfig)
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Addons.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Addons.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public Task<(int ExitCode, string Output)> HelmAsync(CancellationToken ct, params string[] args) =>
        RunAsync(Addons.Kit.Testing.KubeTools.Helm, args, ct);

    public Task<(int ExitCode, string Output)> KubectlAsync(CancellationToken ct, params string[] args) =>
        RunAsync(Addons.Kit.Testing.KubeTools.Kubectl, ["--cache-dir", Path.Combine(directory, "kube-cache"), .. args], ct);

    private async Task<(int, string)> RunAsync(string tool, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HELM_CACHE_HOME"] = Path.Combine(directory, "helm-cache");
        info.Environment["HELM_CONFIG_HOME"] = Path.Combine(directory, "helm-config");
        info.Environment["HELM_DATA_HOME"] = Path.Combine(directory, "helm-data");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

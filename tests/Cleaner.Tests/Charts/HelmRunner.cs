using System.Diagnostics;

namespace Addons.Cleaner.Tests.Charts;

/// <summary>Finds the repo's helm (<c>ADDONS_TOOLS</c> or a parent folder holding <c>.tools/</c>) and runs it.</summary>
internal static class HelmRunner
{
    public static string ChartPath => Path.Combine(RepoRoot, "charts", "cleaner");

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

            throw new InvalidOperationException("Addons.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Helm
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ADDONS_TOOLS") is { Length: > 0 } tools && File.Exists(Path.Combine(tools, "helm", "helm")))
            {
                return Path.Combine(tools, "helm", "helm");
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".tools", "helm", "helm");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("helm not found: run .ci/install-deps (it installs .tools/helm/helm) or set ADDONS_TOOLS");
        }
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Helm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

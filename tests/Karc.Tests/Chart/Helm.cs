using System.Diagnostics;
using Addons.Kit.Testing;

namespace Karc.Tests.Chart;

/// <summary>Runs the real helm binary against charts/karc.</summary>
internal static class Helm
{
    public static string ChartPath => Path.Combine(RepoRoot, "charts", "karc");

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

            throw new InvalidOperationException("repository root (Addons.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(KubeTools.Helm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // Isolate helm's caches and config from the machine's.
        var home = Path.Combine(Path.GetTempPath(), "karc-helm-home");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        using var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<string> TemplateAsync(params string[] extra)
    {
        var (code, stdout, stderr) = await RunAsync(["template", "karc", ChartPath, "--namespace", "karc-system", .. extra]);
        Assert.True(code == 0, stderr);
        return stdout;
    }
}

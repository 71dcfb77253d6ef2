using System.Diagnostics;
using System.Text;
using Addons.Kit.Testing;

namespace Charts.Tests;

/// <summary>Runs the helm binary with a bounded time, returning its exit code and output.</summary>
internal static class Helm
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>helm args...</c> in <paramref name="workdir"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workdir, params string[] args)
    {
        var psi = new ProcessStartInfo(KubeTools.Helm)
        {
            WorkingDirectory = workdir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Keep helm's caches out of the user's home and independent between runs.
        var home = Path.Combine(Path.GetTempPath(), "charts-tests-helm");
        psi.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        psi.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        psi.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        using var process = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"helm {string.Join(' ', args)} did not finish within {Timeout}");
        }

        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }

    /// <summary>
    /// Copies charts/ to a fresh temporary folder (so dependency builds never write into the repo and
    /// tests can run in parallel) and, when <paramref name="chart"/> has dependencies, vendors them.
    /// Returns the chart's path in the copy.
    /// </summary>
    public static async Task<string> PrepareAsync(string chart)
    {
        var copy = Path.Combine(Path.GetTempPath(), "charts-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(RepoLayout.Root, "charts"), Path.Combine(copy, "charts"));
        var path = Path.Combine(copy, chart);
        if (File.ReadAllText(Path.Combine(path, "Chart.yaml")).Contains("dependencies:", StringComparison.Ordinal))
        {
            var (code, output) = await RunAsync(path, "dependency", "update", ".", "--skip-refresh");
            Assert.True(code == 0, $"helm dependency update {chart} failed:\n{output}");
        }

        return path;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}

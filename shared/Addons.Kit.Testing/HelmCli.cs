using System.Collections.Concurrent;
using Addons.Kit.Testing.Repository;

namespace Addons.Kit.Testing;

/// <summary>
/// Runs the real helm (<see cref="KubeTools.Helm"/>) with caches and config of its own (never the user's),
/// and prepares the repository's charts for it: <see cref="PrepareAsync"/> copies <c>charts/</c> once per
/// test process and vendors file:// dependencies (the addon-common library, the umbrella's addon charts),
/// so tests never write into the checkout.
/// </summary>
public static class HelmCli
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "addons-tests-helm");
    private static readonly Lazy<string> Copy = new(CopyCharts);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Prepared = new(StringComparer.Ordinal);

    /// <summary>Runs <c>helm args...</c>; <paramref name="kubeconfig"/> sets KUBECONFIG.</summary>
    public static Task<ToolResult> RunAsync(IEnumerable<string> args, string? workingDirectory = null, string? kubeconfig = null, CancellationToken cancellationToken = default)
    {
        var env = new Dictionary<string, string>
        {
            ["HELM_CACHE_HOME"] = Path.Combine(Home, "cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(Home, "config"),
            ["HELM_DATA_HOME"] = Path.Combine(Home, "data"),
        };
        if (kubeconfig is not null)
        {
            env["KUBECONFIG"] = kubeconfig;
        }

        return ToolProcess.RunAsync(KubeTools.Helm, args, environment: env, workingDirectory: workingDirectory, cancellationToken: cancellationToken);
    }

    /// <summary>Runs <c>helm args...</c>.</summary>
    public static Task<ToolResult> RunAsync(params string[] args) => RunAsync(args, null, null, CancellationToken.None);

    /// <summary>
    /// The path of <paramref name="chart"/> (e.g. <c>charts/karc</c>) in this process's copy of charts/, its
    /// dependencies vendored; throws with helm's output when <c>helm dependency update</c> fails.
    /// </summary>
    public static Task<string> PrepareAsync(string chart) =>
        Prepared.GetOrAdd(chart.Replace('\\', '/').TrimEnd('/'), c => new Lazy<Task<string>>(() => VendorAsync(c))).Value;

    /// <summary><c>helm template</c> of a prepared chart; throws with helm's output when rendering fails.</summary>
    public static async Task<string> TemplateAsync(string chart, string release, string @namespace, params string[] extra)
    {
        var path = await PrepareAsync(chart).ConfigureAwait(false);
        var result = await RunAsync(["template", release, path, "--namespace", @namespace, .. extra]).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Stdout : throw new InvalidOperationException($"helm template {chart} exited {result.ExitCode}:\n{result.Output}");
    }

    private static async Task<string> VendorAsync(string chart)
    {
        var path = Path.Combine(Copy.Value, chart);
        var yaml = await File.ReadAllTextAsync(Path.Combine(path, "Chart.yaml")).ConfigureAwait(false);
        if (yaml.Contains("\ndependencies:", StringComparison.Ordinal))
        {
            // Dependencies first (the umbrella's addon charts depend on the library), so their own charts/ are filled.
            foreach (var dependency in Directory.EnumerateDirectories(Path.Combine(Copy.Value, "charts")).Select(d => $"charts/{Path.GetFileName(d)}"))
            {
                if (yaml.Contains($"file://../{Path.GetFileName(dependency)}", StringComparison.Ordinal))
                {
                    await PrepareAsync(dependency).ConfigureAwait(false);
                }
            }

            var result = await RunAsync(["dependency", "update", ".", "--skip-refresh"], path).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"helm dependency update {chart} exited {result.ExitCode}:\n{result.Output}");
            }
        }

        return path;
    }

    private static string CopyCharts()
    {
        var copy = Path.Combine(Path.GetTempPath(), "addons-tests-charts", Guid.NewGuid().ToString("N"));
        CopyDirectory(Repo.PathOf("charts"), Path.Combine(copy, "charts"));
        return copy;
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

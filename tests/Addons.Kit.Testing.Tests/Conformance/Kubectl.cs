using System.Diagnostics;
using Addons.Kit.Testing.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>
/// Runs the real kubectl / helm against an emulator: a kubeconfig and discovery cache of its own per
/// instance (emulators reuse ports; a shared discovery cache would leak one test's CRDs into another).
/// </summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _dir;

    public Kubectl(KubeApiEmulator api, string? token = null)
    {
        _dir = System.IO.Directory.CreateTempSubdirectory("emulator-kubectl-").FullName;
        Kubeconfig = Path.Combine(_dir, "kubeconfig");
        api.WriteKubeconfig(Kubeconfig, token: token);
    }

    public string Kubeconfig { get; }

    public string Directory => _dir;

    public Task<Result> RunAsync(CancellationToken ct, params string[] args) =>
        RunToolAsync(KubeTools.Kubectl, ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), .. args], null, ct);

    /// <summary>Runs kubectl and fails the test with its output when it exits non-zero.</summary>
    public async Task<string> OkAsync(CancellationToken ct, params string[] args)
    {
        var result = await RunAsync(ct, args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>Runs kubectl with YAML on stdin (<c>-f -</c>).</summary>
    public Task<Result> RunWithInputAsync(string stdin, CancellationToken ct, params string[] args) =>
        RunToolAsync(KubeTools.Kubectl, ["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), .. args], stdin, ct);

    public Task<Result> HelmAsync(CancellationToken ct, params string[] args)
    {
        var env = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = Kubeconfig,
            ["HELM_CACHE_HOME"] = Path.Combine(_dir, "helm-cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(_dir, "helm-config"),
            ["HELM_DATA_HOME"] = Path.Combine(_dir, "helm-data"),
        };
        return RunToolAsync(KubeTools.Helm, args, null, ct, env);
    }

    /// <summary>Starts a long-running kubectl (e.g. <c>get -w</c>) whose output lines are streamed to a channel.</summary>
    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(KubeTools.Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--kubeconfig", Kubeconfig, "--cache-dir", Path.Combine(_dir, "cache"), .. args])
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    public static async Task<Result> RunToolAsync(string tool, string[] args, string? stdin, CancellationToken ct, Dictionary<string, string>? env = null)
    {
        var result = await ToolProcess.RunAsync(tool, args, stdin, env, cancellationToken: ct);
        return new Result(result.ExitCode, result.Stdout, result.Stderr);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    internal sealed record Result(int ExitCode, string Stdout, string Stderr);
}

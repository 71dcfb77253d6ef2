using System.Diagnostics;
using System.Globalization;

namespace Addons.Sandbox.Plugins;

/// <summary>karc: its ConsolidationFreeze CRD, a weekend freeze on the demo NodePools, and the controller.</summary>
internal sealed class KarcSandboxAddon : ISandboxAddon
{
    private const int HealthPort = 18081;

    public string Name => "karc";

    public IEnumerable<string> SeedFiles(SandboxContext context)
    {
        var crds = Path.Combine(context.RepoRoot, "charts", "karc", "crds");
        var seeds = Directory.Exists(crds) ? Directory.GetFiles(crds, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        if (seeds.Count > 0)
        {
            seeds.Add(Path.Combine(context.RepoRoot, "shared", "Addons.Sandbox", "Plugins", "karc-freezes.yaml"));
        }
        return seeds;
    }

    public Task<ProcessStartInfo?> PrepareAsync(SandboxContext context, CancellationToken cancellationToken)
    {
        var binary = context.AddonBinary(Name);
        if (binary is null)
        {
            return Task.FromResult<ProcessStartInfo?>(null);
        }
        var start = new ProcessStartInfo(binary) { WorkingDirectory = context.RepoRoot };
        foreach (var arg in new[] { "controller", "--health-port", HealthPort.ToString(CultureInfo.InvariantCulture), "--lease-name", "karc", "--lease-namespace", "addons" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["KUBECONFIG"] = context.KubeconfigPath;
        start.Environment["KARC_LOG_LEVEL"] = "info";
        return Task.FromResult<ProcessStartInfo?>(start);
    }

    public IEnumerable<string> Describe(SandboxContext context)
    {
        var kc = context.KubeconfigForShell;
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- status";
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- status --timezone Asia/Seoul -o wide";
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- pause general --yes";
        yield return $"KUBECONFIG={kc} .tools/kubectl/kubectl get cf";
        yield return $"http://127.0.0.1:{HealthPort}/readyz   http://127.0.0.1:{HealthPort}/metrics";
    }
}

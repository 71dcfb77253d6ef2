using System.Diagnostics;
using System.Globalization;

namespace Addons.Sandbox.Plugins;

/// <summary>karc: its ConsolidationFreeze CRD, a weekend freeze on the demo NodePools, and the controller.</summary>
internal sealed class KarcSandboxAddon : ISandboxAddon
{
    public string Name => "karc";

    public IEnumerable<string> SeedFiles(SandboxContext context)
    {
        var crds = Path.Combine(context.RepoRoot, "charts", "karc", "crds");
        var seeds = Directory.Exists(crds) ? Directory.GetFiles(crds, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        if (seeds.Count > 0)
        {
            seeds.Add(Path.Combine(context.RepoRoot, "shared", "Addons.Sandbox", "Plugins", "karc-freezes.yaml"));
            seeds.Add(ActiveFreeze(context));
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
        foreach (var arg in new[] { "controller", "--health-port", context.PortFor(Name).ToString(CultureInfo.InvariantCulture), "--lease-name", "karc", "--lease-namespace", "addons" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["KUBECONFIG"] = context.KubeconfigPath;
        start.Environment["KARC_LOG_LEVEL"] = "info";
        return Task.FromResult<ProcessStartInfo?>(start);
    }

    /// <summary>A one-off freeze open from an hour ago to two hours from now, so the controller acts as soon as it starts.</summary>
    private static string ActiveFreeze(SandboxContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var path = Path.Combine(context.StateDirectory, "seed", "karc-freeze-now.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            # Generated at sandbox start: active now, so karc pauses NodePool batch right away.
            apiVersion: karc.io/v1alpha1
            kind: ConsolidationFreeze
            metadata: {name: maintenance-now}
            spec:
              nodePools: [batch]
              window: {start: "{{now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}", end: "{{now.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}}"}

            """));
        return path;
    }

    public IEnumerable<string> Describe(SandboxContext context)
    {
        var kc = context.KubeconfigForShell;
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- status";
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- status --timezone Asia/Seoul -o wide";
        yield return $"KUBECONFIG={kc} dotnet run --project addons/karc -- pause general --yes";
        yield return $"KUBECONFIG={kc} {context.Kubectl} get cf                (maintenance-now is active: NodePool batch is paused)";
        yield return $"http://127.0.0.1:{context.PortFor(Name)}/readyz   http://127.0.0.1:{context.PortFor(Name)}/metrics";
    }
}

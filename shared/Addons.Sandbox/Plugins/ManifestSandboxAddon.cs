using System.Diagnostics;
using System.Globalization;
using Addons.Kit.Testing.Repository;

namespace Addons.Sandbox.Plugins;

/// <summary>
/// An addon run straight from its manifest entry: its chart's <c>crds/</c> are seeded, its binary starts with
/// the entry's <c>sandbox.args</c> and <c>sandbox.environment</c> (<c>{port}</c>, <c>{kubeconfig}</c>,
/// <c>{state}</c> expanded) and <c>KUBECONFIG</c> pointing at the emulator.
/// </summary>
internal sealed class ManifestSandboxAddon(AddonEntry entry) : ISandboxAddon
{
    public string Name => entry.Name;

    public IEnumerable<string> SeedFiles(SandboxContext context)
    {
        var crds = entry.Chart is null ? null : Path.Combine(context.RepoRoot, entry.Chart, "crds");
        return crds is not null && Directory.Exists(crds) ? Directory.GetFiles(crds, "*.yaml").Order(StringComparer.Ordinal) : [];
    }

    public Task<ProcessStartInfo?> PrepareAsync(SandboxContext context, CancellationToken cancellationToken)
    {
        var binary = context.AddonBinary(entry.Name);
        if (binary is null)
        {
            return Task.FromResult<ProcessStartInfo?>(null);
        }

        var start = new ProcessStartInfo(binary) { WorkingDirectory = context.RepoRoot };
        foreach (var arg in entry.Sandbox!.Args)
        {
            start.ArgumentList.Add(Expand(arg, context));
        }

        start.Environment["KUBECONFIG"] = context.KubeconfigPath;
        foreach (var (name, value) in entry.Sandbox.Environment)
        {
            start.Environment[name] = Expand(value, context);
        }

        return Task.FromResult<ProcessStartInfo?>(start);
    }

    /// <summary>The readiness endpoint is known only when the entry passes the sandbox's {port} to the addon.</summary>
    public string? ReadinessPath => UsesPort ? "/readyz" : null;

    private bool UsesPort => entry.Sandbox!.Args.Concat(entry.Sandbox.Environment.Values).Any(a => a.Contains("{port}", StringComparison.Ordinal));

    public IEnumerable<string> Describe(SandboxContext context)
    {
        if (UsesPort)
        {
            yield return $"http://127.0.0.1:{context.PortFor(Name)}/readyz   http://127.0.0.1:{context.PortFor(Name)}/metrics";
        }
    }

    private string Expand(string text, SandboxContext context) =>
        text.Replace("{port}", context.PortFor(Name).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{kubeconfig}", context.KubeconfigPath, StringComparison.Ordinal)
            .Replace("{state}", context.StateDirectory, StringComparison.Ordinal);
}

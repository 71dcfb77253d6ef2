using System.Text.Json.Nodes;
using Addons.Karc.Cli;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Crds;
using Addons.Kit.Testing.Emulator;
using Addons.Kit.Testing.Repository;

namespace Karc.Tests;

/// <summary>An emulator with the Karpenter (and freeze) CRDs installed, plus helpers to run karc against it.</summary>
internal sealed class KarcCluster : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _dir;

    private KarcCluster(KubeApiEmulator api, string dir)
    {
        Api = api;
        _dir = dir;
        Kubeconfig = Path.Combine(dir, "kubeconfig");
        api.WriteKubeconfig(Kubeconfig, "emulator");
    }

    public KubeApiEmulator Api { get; }

    public string Kubeconfig { get; }

    /// <summary>Starts an emulator; <paramref name="karpenterVersions"/> "v1" installs v1+v1beta1, "v1beta1" only v1beta1, "none" no Karpenter.</summary>
    public static async Task<KarcCluster> StartAsync(string karpenterVersions = "v1", bool freezes = true, CancellationToken ct = default)
    {
        var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), ct);
        var dir = Directory.CreateTempSubdirectory("karc-test-").FullName;
        var cluster = new KarcCluster(api, dir);
        if (karpenterVersions != "none")
        {
            await cluster.InstallKarpenterAsync(karpenterVersions, ct);
        }
        if (freezes)
        {
            await api.ApplyYamlAsync(await File.ReadAllTextAsync(Repo.PathOf("charts/karc/crds/consolidationfreezes.karc.io.yaml"), ct), ct);
        }

        return cluster;
    }

    /// <summary>Installs the Karpenter CRDs: "v1" v1+v1beta1, "v1beta1" only v1beta1.</summary>
    public async Task InstallKarpenterAsync(string versions = "v1", CancellationToken ct = default)
    {
        var v1Beta1Only = versions == "v1beta1";
        await Api.ApplyYamlAsync(v1Beta1Only ? KarpenterCrds.NodePoolsV1Beta1 : KarpenterCrds.NodePools, ct);
        await Api.ApplyYamlAsync(v1Beta1Only ? KarpenterCrds.NodeClaimsV1Beta1 : KarpenterCrds.NodeClaims, ct);
    }

    /// <summary>Seeds a NodePool; <paramref name="budgetsJson"/> is the JSON of spec.disruption.budgets, or null for none.</summary>
    public Task SeedPoolAsync(string name, string? budgetsJson, int? weight = null, string version = "v1", CancellationToken ct = default)
    {
        var disruption = budgetsJson is null ? "{}" : $$"""{"budgets": {{budgetsJson}}}""";
        var w = weight is null ? "" : $"\"weight\": {weight},";
        var json = "{\"apiVersion\": \"karpenter.sh/" + version + "\", \"kind\": \"NodePool\", \"metadata\": {\"name\": \"" + name + "\"}, " +
            "\"spec\": {" + w + " \"template\": {\"spec\": {\"nodeClassRef\": {\"name\": \"default\"}}}, \"disruption\": " + disruption + "}}";
        return Api.ApplyYamlAsync(json, ct);
    }

    public Task SeedClaimAsync(string name, string pool, string version = "v1", CancellationToken ct = default) =>
        Api.ApplyYamlAsync(
            "{\"apiVersion\": \"karpenter.sh/" + version + "\", \"kind\": \"NodeClaim\", \"metadata\": {\"name\": \"" + name +
            "\", \"labels\": {\"karpenter.sh/nodepool\": \"" + pool + "\"}}, \"spec\": {}}",
            ct);

    public JsonObject Pool(string name, string version = "v1") =>
        Api.Get("karpenter.sh", version, "nodepools", null, name) ?? throw new InvalidOperationException($"no NodePool {name}");

    /// <summary>The stored budgets as compact JSON (e.g. <c>[{"nodes":"0"}]</c>), or null when absent.</summary>
    public string? Budgets(string name, string version = "v1") =>
        Pool(name, version)["spec"]?["disruption"]?["budgets"]?.ToJsonString();

    public string ResourceVersionOf(string name) => Pool(name)["metadata"]!["resourceVersion"]!.ToString();

    /// <summary>Runs karc with a captured console against this cluster.</summary>
    public async Task<CliResult> RunAsync(string[] args, string input = "", bool tty = false, string? token = null, Func<string, CancellationToken, Task>? beforeWrite = null)
    {
        var kubeconfig = Kubeconfig;
        if (token is not null)
        {
            kubeconfig = Path.Combine(_dir, "kubeconfig-" + Guid.NewGuid().ToString("N"));
            Api.WriteKubeconfig(kubeconfig, "emulator", token);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runtime = new CliRuntime
        {
            Console = new CliConsole
            {
                Out = stdout,
                Error = stderr,
                In = new StringReader(input),
                IsInputTerminal = tty,
                IsOutputTerminal = false,
                Environment = _ => null,
            },
            Connect = (_, context) => KubeConnection.FromKubeconfig(kubeconfig, context),
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)),
            BeforeWrite = beforeWrite,
        };
        using var cts = new CancellationTokenSource(Timeout);
        var code = await KarcCli.RunAsync(args, runtime, cts.Token).WaitAsync(Timeout);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

using System.Text;
using Addons.Kit.Testing.Emulator;

namespace Addons.Footprint;

/// <summary>An in-process Kubernetes API emulator for one measurement, with a kubeconfig on disk.</summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    private readonly KubeApiEmulator _api;

    private EmulatorSession(KubeApiEmulator api, string kubeconfig)
    {
        _api = api;
        Kubeconfig = kubeconfig;
    }

    /// <summary>Path of the kubeconfig that points at this emulator.</summary>
    public string Kubeconfig { get; }

    /// <summary>Starts an emulator on a free loopback port and writes its kubeconfig under <paramref name="directory"/>.</summary>
    public static async Task<EmulatorSession> StartAsync(string directory, CancellationToken ct)
    {
        var api = await KubeApiEmulator.StartAsync(new EmulatorOptions { Port = 0 }, ct).ConfigureAwait(false);
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, $"kubeconfig-{Guid.NewGuid():N}");
        api.WriteKubeconfig(kubeconfig, contextName: "emulator");
        return new EmulatorSession(api, kubeconfig);
    }

    /// <summary>Creates or updates the objects of a (multi-document) YAML text.</summary>
    public Task ApplyAsync(string yaml, CancellationToken ct) => _api.ApplyYamlAsync(yaml, ct);

    /// <summary>Creates <paramref name="count"/> objects from <paramref name="template"/> (<c>{i}</c> = index) in one apply.</summary>
    public Task ApplyManyAsync(string template, int count, CancellationToken ct)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append("---\n").Append(template.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
        }

        return _api.ApplyYamlAsync(sb.ToString(), ct);
    }

    /// <summary>The Lease's <c>spec.holderIdentity</c>, or null when the Lease is missing or unheld.</summary>
    public string? LeaseHolder(string ns, string name)
    {
        var lease = _api.Get("coordination.k8s.io", "v1", "leases", ns, name);
        var holder = lease?["spec"]?["holderIdentity"]?.GetValue<string>();
        return string.IsNullOrEmpty(holder) ? null : holder;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync().ConfigureAwait(false);
        File.Delete(Kubeconfig);
    }
}

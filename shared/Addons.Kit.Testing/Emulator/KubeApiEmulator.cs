using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator.Http;
using Addons.Kit.Testing.Emulator.Json;
using Addons.Kit.Testing.Emulator.Model;
using Addons.Kit.Testing.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Testing.Emulator;

/// <summary>
/// An in-process Kubernetes API server for tests and the sandbox: Kestrel on 127.0.0.1, an in-memory
/// store with real resourceVersion/watch/patch semantics, judged by the real kubectl and helm.
/// <code>
/// await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), ct);
/// api.WriteKubeconfig(path);
/// await api.ApplyYamlAsync(yaml, ct);
/// </code>
/// <para><b>Caveats:</b> no controllers run unless <see cref="EmulatorOptions.Workloads"/> or <see cref="EmulatorOptions.Karpenter"/> is set, no admission;
/// see the project README for the full list of what is not implemented.</para>
/// </summary>
public sealed class KubeApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _stopping;
    private readonly EmulatorCertificates? _certificates;

    private readonly string? _adminToken;
    private Simulation.KarpenterSimulator? _karpenter;
    private string? _stateFile;

    private KubeApiEmulator(WebApplication app, ObjectStore store, EmulatorFaults faults, EmulatorRbac rbac, CancellationTokenSource stopping, string baseUrl, EmulatorCertificates? certificates, string? adminToken)
    {
        _adminToken = adminToken;
        _certificates = certificates;
        _app = app;
        _store = store;
        Faults = faults;
        Rbac = rbac;
        _stopping = stopping;
        BaseUrl = baseUrl;
    }

    /// <summary>PEM of the CA that signed the serving certificate (HTTPS mode), else null.</summary>
    public string? CaCertificatePem => _certificates?.CaPem;

    /// <summary>An HttpClient handler that trusts this emulator (HTTPS mode) — for .NET clients in tests.</summary>
    public HttpMessageHandler CreateHttpHandler() => _certificates?.CreateHandler() ?? new HttpClientHandler();

    /// <summary>"http://127.0.0.1:PORT" (or https:// in HTTPS mode), no trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The port the emulator listens on.</summary>
    public int Port => new Uri(BaseUrl).Port;

    /// <summary>Fault injection controls.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>RBAC mode, ServiceAccount tokens and access records.</summary>
    public EmulatorRbac Rbac { get; }

    /// <summary>True when the emulator started from <see cref="EmulatorOptions.StateFile"/> rather than empty.</summary>
    public bool Restored { get; private init; }

    /// <summary>The current global resourceVersion (the last one handed out).</summary>
    public long ResourceVersion => _store.ResourceVersion;

    /// <summary>How many watch streams are open right now (tests await watchers being established with this).</summary>
    public int OpenWatches => _store.OpenWatches;

    /// <summary>
    /// Completes once at least <paramref name="count"/> watch streams are open, so a test can make a change
    /// only after its client (kubectl get -w, an informer) is watching, without polling.
    /// </summary>
    public Task WaitForOpenWatchesAsync(int count, CancellationToken ct) => _store.WaitForOpenWatchesAsync(count, ct);

    /// <summary>Starts listening; the returned emulator serves until disposed.</summary>
    public static async Task<KubeApiEmulator> StartAsync(EmulatorOptions? options, CancellationToken ct)
    {
        options ??= new EmulatorOptions();
        var store = new ObjectStore(new KindRegistry(), options.TimeProvider, options.WatchHistorySize);
        var restored = options.StateFile is { } stateFile && File.Exists(stateFile);
        if (restored)
        {
            try
            {
                store.LoadState(await ReadStateAsync(options.StateFile!, ct));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{options.StateFile}: not a saved emulator state ({e.Message})", e);
            }
        }
        else
        {
            var nsKind = store.Registry.Find("", "v1", "namespaces")!;
            foreach (var ns in options.InitialNamespaces)
            {
                store.Create(nsKind, "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteMode.Admin);
            }
        }

        if (options.Workloads is { } workloads)
        {
            new Simulation.WorkloadSimulator(store, workloads, options.TimeProvider).Start();
        }

        Simulation.KarpenterSimulator? karpenter = null;
        if (options.Karpenter is { } karpenterOptions)
        {
            // After the workload simulator: a drain reads the PodDisruptionBudget status it has just written.
            karpenter = new Simulation.KarpenterSimulator(store, karpenterOptions, options.TimeProvider);
            karpenter.Start();
            if (restored)
            {
                // Launches and drains that were under way when the state was saved carry on.
                karpenter.Resume();
            }
        }

        var faults = new EmulatorFaults(store);
        var rbac = new EmulatorRbac(store, options.AdminToken);
        var stopping = new CancellationTokenSource();
        var handler = new ApiHandler(store, options, faults, rbac, stopping.Token);

        var certificates = options.Https ? EmulatorCertificates.Create(options.TimeProvider) : null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificates is not null)
                {
                    listen.UseHttps(certificates.Server);
                }
            });
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var baseUrl = (certificates is null ? "http" : "https") + "://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        handler.ServerAddress = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        return new KubeApiEmulator(app, store, faults, rbac, stopping, baseUrl, certificates, options.AdminToken) { _karpenter = karpenter, _stateFile = options.StateFile, Restored = restored };
    }

    /// <summary>
    /// Writes a kubeconfig with one cluster/context/user pointing at this emulator. Without a token the
    /// user is the cluster admin (carrying <see cref="EmulatorOptions.AdminToken"/> when set); pass a token from <see cref="EmulatorRbac.IssueToken"/> to act as a ServiceAccount.
    /// </summary>
    public void WriteKubeconfig(string path, string contextName = "emulator", string? token = null, string? defaultNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, KubeconfigText(contextName, token, defaultNamespace));
    }

    /// <summary>The kubeconfig <see cref="WriteKubeconfig"/> writes, as text.</summary>
    public string KubeconfigText(string contextName = "emulator", string? token = null, string? defaultNamespace = null)
    {
        token ??= _adminToken;
        var user = token is null ? "  user: {}" : $"  user:\n    token: {token}";
        var ns = defaultNamespace is null ? "" : $"\n    namespace: {defaultNamespace}";
        var ca = CaCertificatePem is { } pem ? "\n    certificate-authority-data: " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem)) : "";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {contextName}
              cluster:
                server: {BaseUrl}{ca}
            contexts:
            - name: {contextName}
              context:
                cluster: {contextName}
                user: {contextName}{ns}
            current-context: {contextName}
            users:
            - name: {contextName}
            {user}

            """;
    }

    /// <summary>
    /// Creates or updates every object in a (multi-document) YAML text, in order — CRDs first in the text
    /// make their kinds usable by later documents. Status is written as given (this is test seeding, not a
    /// client write). Namespaced objects without a namespace go to "default"; a missing namespace is created.
    /// </summary>
    /// <returns>The stored objects (copies).</returns>
    public Task<IReadOnlyList<JsonObject>> ApplyYamlAsync(string yaml, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ct.ThrowIfCancellationRequested();
        var results = new List<JsonObject>();
        foreach (var doc in YamlJson.ParseDocuments(yaml))
        {
            if (doc["kind"]?.ToString() == "List" && doc["items"] is JsonArray items)
            {
                results.AddRange(items.OfType<JsonObject>().Select(i => Upsert((JsonObject)i.DeepClone())));
            }
            else
            {
                results.Add(Upsert(doc));
            }
        }

        return Task.FromResult<IReadOnlyList<JsonObject>>(results);
    }

    /// <summary>Reads an object straight from the store (a copy), or null. <paramref name="group"/> is "" for core.</summary>
    public JsonObject? Get(string group, string version, string plural, string? ns, string name)
    {
        var kind = _store.Registry.Find(group, version, plural) ?? throw new ArgumentException($"{plural}.{group}/{version} is not served", nameof(plural));
        var found = _store.Find(kind, ns ?? "", name);
        return found is null ? null : HttpJson.RenderNode(found, kind);
    }

    /// <summary>Lists objects straight from the store (copies), in one namespace or all (null).</summary>
    public IReadOnlyList<JsonObject> List(string group, string version, string plural, string? ns = null)
    {
        var kind = _store.Registry.Find(group, version, plural) ?? throw new ArgumentException($"{plural}.{group}/{version} is not served", nameof(plural));
        return _store.List(kind, ListQuery.All(kind.Namespaced ? ns : null)).Items.Select(i => HttpJson.RenderNode(i, kind)).ToList();
    }

    /// <summary>
    /// Writes every object to <see cref="EmulatorOptions.StateFile"/>: a temporary file beside it, then a rename, so
    /// a crash mid-write leaves the previous state intact. Returns the resourceVersion saved.
    /// </summary>
    public async Task<long> SaveStateAsync(CancellationToken ct)
    {
        var path = _stateFile ?? throw new InvalidOperationException("EmulatorOptions.StateFile is not set");
        var state = _store.SaveState();
        var temp = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using (var stream = File.Create(temp))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(stream, state, Json.JsonContext.Default.JsonObject, ct);
        }

        File.Move(temp, path, overwrite: true);
        return long.Parse(state["resourceVersion"]!.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops listening and ends open watches.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _karpenter?.Dispose();
        _store.CloseWatches();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
        _certificates?.Dispose();
    }

    private static async Task<JsonObject> ReadStateAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var node = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, Json.JsonContext.Default.JsonObject, ct);
            return node ?? throw new InvalidDataException("empty");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException(e.Message.Split('\n')[0], e);
        }
    }

    private JsonObject Upsert(JsonObject doc)
    {
        var apiVersion = doc["apiVersion"]?.ToString() ?? throw new ArgumentException("a document has no apiVersion");
        var kindName = doc["kind"]?.ToString() ?? throw new ArgumentException("a document has no kind");
        var kind = _store.Registry.FindByKind(apiVersion, kindName) ?? throw new ArgumentException($"{kindName} ({apiVersion}) is not served; apply its CRD first");
        var ns = "";
        if (kind.Namespaced)
        {
            ns = Meta.Namespace(doc) is { Length: > 0 } given ? given : "default";
            var nsKind = _store.Registry.Find("", "v1", "namespaces")!;
            if (_store.Find(nsKind, "", ns) is null)
            {
                _store.Create(nsKind, "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteMode.Admin);
            }
        }

        return HttpJson.RenderNode(_store.Upsert(kind, ns, doc), kind);
    }
}

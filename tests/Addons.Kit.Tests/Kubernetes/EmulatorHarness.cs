using System.Collections.Concurrent;
using Addons.Kit.Kubernetes.Client;
using Addons.Kit.Kubernetes.Config;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.Logging;

namespace Addons.Kit.Tests.Kubernetes;

/// <summary>An emulator plus a <see cref="KubeApi"/> connected to it over real HTTP, recording every request line.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(KubeApiEmulator emulator, KubeApi api, ConcurrentQueue<string> requests)
    {
        Emulator = emulator;
        Api = api;
        Requests = requests;
    }

    public KubeApiEmulator Emulator { get; }

    public KubeApi Api { get; }

    /// <summary>"GET /apis/...?..." for every request sent, in order.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public static async Task<EmulatorHarness> StartAsync(CancellationToken ct, TimeProvider? time = null, ILoggerFactory? logs = null, EmulatorOptions? options = null)
    {
        var emulator = await KubeApiEmulator.StartAsync(options ?? new EmulatorOptions(), ct);
        var requests = new ConcurrentQueue<string>();
        var api = new KubeApi(KubeConnection.ForServer(new Uri(emulator.BaseUrl), ns: "default"), new KubeApiOptions(), logs, time, inner => new Recorder(inner, requests));
        return new EmulatorHarness(emulator, api, requests);
    }

    /// <summary>Another client of the same emulator (like another pod), its transport wrapped by <paramref name="wrap"/>.</summary>
    public KubeApi NewApi(Func<HttpMessageHandler, HttpMessageHandler> wrap) =>
        new(KubeConnection.ForServer(new Uri(Emulator.BaseUrl), ns: "default"), new KubeApiOptions(), null, null, wrap);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
    }

    private sealed class Recorder(HttpMessageHandler inner, ConcurrentQueue<string> requests) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request.Method.Method + " " + request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Globalization;
using Addons.Kit.Hosting;
using Addons.Kit.Testing;
using Addons.Kit.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Addons.Kit.Tests.Web;

/// <summary>An addon host with the web server, run in-process on free loopback ports until the test stops it.</summary>
internal sealed class WebAddon : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;

    private WebAddon(int webPort, int healthPort, CancellationTokenSource stop, Task<int> run)
    {
        _stop = stop;
        WebPort = webPort;
        HealthPort = healthPort;
        Run = run;
        Web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(20) };
        Probes = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int WebPort { get; }

    public int HealthPort { get; }

    public Task<int> Run { get; }

    public HttpClient Web { get; }

    public HttpClient Probes { get; }

    /// <summary>Starts the host with <paramref name="map"/> as its routes and waits until /readyz answers 200.</summary>
    public static async Task<WebAddon> StartAsync(Action<IEndpointRouteBuilder> map, CancellationToken cancellationToken, params string[] extra)
    {
        var webPort = LoopbackPorts.Free();
        var healthPort = LoopbackPorts.Free();
        string[] args =
        [
            "--Web:Port=" + webPort.ToString(CultureInfo.InvariantCulture), "--Web:BindAddress=127.0.0.1",
            "--health-port=" + healthPort.ToString(CultureInfo.InvariantCulture), "--Health:BindAddress=127.0.0.1",
            "--log-format=json", .. extra,
        ];
        var builder = AddonHost.CreateBuilder(args, "web-test");
        builder.AddWebServer((routes, _) => map(routes));
        var stop = new CancellationTokenSource();
        var addon = new WebAddon(webPort, healthPort, stop, builder.Build().RunAsync(stop.Token));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (addon.Run.IsCompleted)
            {
                throw new InvalidOperationException($"the host exited with {await addon.Run} before it was ready");
            }

            try
            {
                using var ready = await addon.Probes.GetAsync("/readyz", cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return addon;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>What SIGTERM does: a graceful stop of the host.</summary>
    public void Stop() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _stop.Dispose();
            Web.Dispose();
            Probes.Dispose();
        }
    }
}

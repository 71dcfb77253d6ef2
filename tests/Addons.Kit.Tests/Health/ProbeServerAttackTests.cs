using System.Net;
using System.Net.Sockets;
using System.Text;
using Addons.Kit.Health;
using Addons.Kit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Addons.Kit.Tests.Health;

/// <summary>
/// Attacks on the probe listener. Before the fix, 40 idle connections made 44 of 45 probes fail and
/// 16 connections pipelining /metrics without reading made every probe fail for 70 s.
/// </summary>
public sealed class ProbeServerAttackTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly HealthRegistry _health = new();
    private readonly CollectorRegistry _metrics = Prometheus.Metrics.NewCustomRegistry();
    private readonly List<Socket> _attackers = [];
    private ProbeServer _server = null!;

    public async Task InitializeAsync()
    {
        _health.Add(HealthCheckKind.Liveness, "loop", () => HealthCheckResult.Pass);
        var big = Prometheus.Metrics.WithCustomRegistry(_metrics).CreateGauge("padding", "makes /metrics large", "n");
        for (var i = 0; i < 2000; i++)
        {
            big.WithLabels(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Set(i);
        }

        // A request timeout far above each probe's own: the probes must not depend on attackers timing out.
        var options = Options.Create(new HealthOptions { Port = LoopbackPorts.Free(), BindAddress = "127.0.0.1", RequestTimeout = TimeSpan.FromMinutes(5) });
        _server = new ProbeServer(options, new ProbeResponder(_health, _metrics, NullLogger<ProbeResponder>.Instance), NullLogger<ProbeServer>.Instance);
        await _server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var socket in _attackers)
        {
            socket.Dispose();
        }

        await _server.StopAsync(CancellationToken.None).WaitAsync(Bound);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_FortySlowLorisConnectionsOpen_EveryProbeSucceeds()
    {
        for (var i = 0; i < 40; i++)
        {
            var socket = await ConnectAsync();
            await socket.SendAsync("GET /healthz HTTP/1.1\r\nHost: x\r\n"u8.ToArray(), SocketFlags.None);
        }

        var succeeded = await ProbeAsync(45);

        Assert.Equal(45, succeeded);
    }

    [Fact]
    public async Task Healthz_SixteenClientsPipeliningMetricsWithoutReading_EveryProbeSucceeds()
    {
        var pipelined = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", 200)));
        for (var i = 0; i < 16; i++)
        {
            var socket = await ConnectAsync();
            socket.ReceiveBufferSize = 4096;
            await socket.SendAsync(pipelined, SocketFlags.None);
        }

        var succeeded = await ProbeAsync(45);

        Assert.Equal(45, succeeded);
    }

    [Fact]
    public async Task Healthz_SlowLorisClient_IsClosedAtTheRequestDeadline()
    {
        var options = Options.Create(new HealthOptions { Port = LoopbackPorts.Free(), BindAddress = "127.0.0.1", RequestTimeout = TimeSpan.FromMilliseconds(300) });
        var server = new ProbeServer(options, new ProbeResponder(_health, _metrics, NullLogger<ProbeResponder>.Instance), NullLogger<ProbeServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, server.Port);
            await socket.SendAsync("GET /hea"u8.ToArray(), SocketFlags.None);

            // The server closes it: the read ends with 0 bytes (or a reset) instead of hanging.
            var buffer = new byte[64];
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(Bound);
            }
            catch (SocketException)
            {
                read = 0;
            }

            Assert.Equal(0, read);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None).WaitAsync(Bound);
            await server.DisposeAsync();
        }
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _attackers.Add(socket);
        await socket.ConnectAsync(IPAddress.Loopback, _server.Port);
        return socket;
    }

    /// <summary>Probes like the kubelet: a new connection each time, 1 s timeout; returns how many got 200.</summary>
    private async Task<int> ProbeAsync(int count)
    {
        var succeeded = 0;
        for (var i = 0; i < count; i++)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            http.DefaultRequestHeaders.ConnectionClose = true;
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_server.Port}/healthz"));
                succeeded += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Counted as a failed probe.
            }
        }

        return succeeded;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Addons.Kit.Health;
using Addons.Kit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Addons.Kit.Tests.Health;

public sealed class ProbeServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly HealthRegistry _health = new();
    private readonly CollectorRegistry _metrics = Prometheus.Metrics.NewCustomRegistry();
    private ProbeServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        var options = Options.Create(new HealthOptions { Port = port, BindAddress = "127.0.0.1" });
        _server = new ProbeServer(options, new ProbeResponder(_health, _metrics, NullLogger<ProbeResponder>.Instance), NullLogger<ProbeServer>.Instance);
        await _server.StartAsync(CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}"), Timeout = Bound };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.StopAsync(CancellationToken.None).WaitAsync(Bound);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_AllChecksPass_Returns200Ok()
    {
        _health.Add(HealthCheckKind.Liveness, "loop", () => HealthCheckResult.Pass);

        using var response = await _http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_OneCheckFails_Returns503WithoutReason()
    {
        _health.Add(HealthCheckKind.Readiness, "lifecycle", () => HealthCheckResult.Pass);
        _health.Add(HealthCheckKind.Readiness, "controller/demo", () => HealthCheckResult.Fail("secret-ish detail"));

        using var plain = await _http.GetAsync("/readyz");
        using var verbose = await _http.GetAsync("/readyz?verbose");
        var body = await verbose.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, verbose.StatusCode);
        Assert.Contains("[+]lifecycle ok", body, StringComparison.Ordinal);
        Assert.Contains("[-]controller/demo failed: reason withheld", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ish", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ish", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_CheckTurnsFalse_NextRequestSees503()
    {
        var stopping = false;
        _health.Add(HealthCheckKind.Readiness, "lifecycle", () => stopping ? HealthCheckResult.Fail("stopping") : HealthCheckResult.Pass);

        using var before = await _http.GetAsync("/readyz");
        stopping = true;
        using var after = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
    }

    [Fact]
    public async Task Metrics_PlainRequest_PrometheusTextWithRegisteredMetrics()
    {
        Prometheus.Metrics.WithCustomRegistry(_metrics).CreateGauge("demo_build_info", "help", "version").WithLabels("1.2.3").Set(1);

        using var response = await _http.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("demo_build_info{version=\"1.2.3\"} 1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OpenMetricsAccepted_OpenMetricsFormat()
    {
        Prometheus.Metrics.WithCustomRegistry(_metrics).CreateCounter("demo_total", "help").Inc();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("application/openmetrics-text", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPathAndPost_404And405()
    {
        using var missing = await _http.GetAsync("/nope");
        using var post = await _http.PostAsync("/healthz", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task KeepAlive_TwoPipelinedRequestsOnOneConnection_BothAnswered()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Port).WaitAsync(Bound);
        var stream = client.GetStream();
        var requests = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8.ToArray();
        await stream.WriteAsync(requests).AsTask().WaitAsync(Bound);

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var all = await reader.ReadToEndAsync().WaitAsync(Bound);

        Assert.Equal(2, all.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Contains("Connection: keep-alive", all, StringComparison.Ordinal);
        Assert.Contains("Connection: close", all, StringComparison.Ordinal);
    }
}

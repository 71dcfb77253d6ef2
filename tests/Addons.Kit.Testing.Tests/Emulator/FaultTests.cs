using System.Diagnostics;
using System.Net;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class FaultTests
{
    private const string Leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases";
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Error429_MatchingVerbAndResource_HasRetryAfter()
    {
        await using var e = await EmulatorClient.StartAsync();
        var rule = e.Api.Faults.AddError(429, verb: "list", resource: "leases", retryAfter: TimeSpan.FromSeconds(3));

        using var response = await e.Http.GetAsync(Leases, e.Ct);
        var (other, _) = await e.GetAsync(ConfigMaps);
        var (get, _) = await e.GetAsync(Leases + "/x");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Contains("\"retryAfterSeconds\":3", await response.Content.ReadAsStringAsync(e.Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other);
        Assert.Equal(HttpStatusCode.NotFound, get);
        Assert.Equal(1, rule.Hits);
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Error_WithCount_FailsThatManyTimesThenRecovers(int code, string reason)
    {
        await using var e = await EmulatorClient.StartAsync();
        e.Api.Faults.AddError(code, resource: "configmaps", count: 2);

        var (first, body) = await e.GetAsync(ConfigMaps);
        var (second, _) = await e.GetAsync(ConfigMaps);
        var (third, _) = await e.GetAsync(ConfigMaps);

        Assert.Equal((HttpStatusCode)code, first);
        Assert.Equal(reason, body!["reason"]!.ToString());
        Assert.Equal((HttpStatusCode)code, second);
        Assert.Equal(HttpStatusCode.OK, third);
    }

    [Fact]
    public async Task Error_Probability_FailsSomeButNotAll()
    {
        await using var e = await EmulatorClient.StartAsync();
        e.Api.Faults.AddError(500, probability: 0.5);

        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            if ((await e.GetAsync(ConfigMaps)).Status != HttpStatusCode.OK)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 40, 160);
    }

    [Fact]
    public async Task Error_SubresourceRule_MatchesOnlyStatus()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.Api.ApplyYamlAsync("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n", e.Ct);
        e.Api.Faults.AddError(500, resource: "pods/status");

        var (main, _) = await e.GetAsync("/api/v1/namespaces/default/pods/p");
        var (status, _) = await e.GetAsync("/api/v1/namespaces/default/pods/p/status");

        Assert.Equal(HttpStatusCode.OK, main);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task Latency_DelaysRequests()
    {
        await using var e = await EmulatorClient.StartAsync();
        e.Api.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = Stopwatch.StartNew();
        await e.GetAsync(ConfigMaps);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task CloseWatches_EndsOpenStreams()
    {
        await using var e = await EmulatorClient.StartAsync();
        await using var watch = await WatchReader.OpenAsync(e, ConfigMaps + "?watch=true&resourceVersion=1");
        await e.Api.WaitForOpenWatchesAsync(1, e.Ct);

        Assert.Equal(1, e.Api.Faults.CloseWatches());
        Assert.Null(await watch.NextAsync(e.Ct));
    }

    [Fact]
    public async Task ForceNextWatchGone_OnlyTheNextWatchExpires()
    {
        await using var e = await EmulatorClient.StartAsync();
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("a"));
        e.Api.Faults.ForceNextWatchGone();

        await using (var first = await WatchReader.OpenAsync(e, ConfigMaps + "?watch=true"))
        {
            var error = await first.NextAsync(e.Ct);
            Assert.Equal("ERROR", error!.Value.Type);
            Assert.Equal(410, error.Value.Object["code"]!.GetValue<int>());
        }

        await using var second = await WatchReader.OpenAsync(e, ConfigMaps + "?watch=true");
        Assert.Equal("ADDED", (await second.NextAsync(e.Ct))!.Value.Type);
    }

    [Fact]
    public async Task Pause_HoldsRequestsUntilResume()
    {
        await using var e = await EmulatorClient.StartAsync();
        e.Api.Faults.Pause();

        var pending = e.GetAsync(ConfigMaps);
        var early = await Task.WhenAny(pending, Task.Delay(300, e.Ct));
        e.Api.Faults.Resume();
        var (status, _) = await pending;

        Assert.NotSame(pending, early);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Reset_ClearsEverything()
    {
        await using var e = await EmulatorClient.StartAsync();
        e.Api.Faults.AddError(500);
        e.Api.Faults.Pause();
        e.Api.Faults.Reset();

        Assert.Equal(HttpStatusCode.OK, (await e.GetAsync(ConfigMaps)).Status);
        Assert.False(e.Api.Faults.IsPaused);
    }
}

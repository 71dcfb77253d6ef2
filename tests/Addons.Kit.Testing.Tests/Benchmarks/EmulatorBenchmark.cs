using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Addons.Kit.Testing.Tests.Emulator;
using Xunit.Abstractions;

namespace Addons.Kit.Testing.Tests.Benchmarks;

/// <summary>
/// Throughput numbers for the emulator — a benchmark, not a test: it prints and never asserts on time.
/// Run with <c>ADDONS_BENCH=1 dotnet test tests/Addons.Kit.Testing.Tests --filter Benchmark --logger "console;verbosity=detailed"</c>;
/// without ADDONS_BENCH it does nothing. The watch fan-out always asserts that no event was lost.
/// </summary>
public sealed class EmulatorBenchmark(ITestOutputHelper output)
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("ADDONS_BENCH") == "1";

    [Fact]
    public async Task Benchmark_GetsPerSecond()
    {
        if (!Enabled)
        {
            output.WriteLine("ADDONS_BENCH is not 1: benchmark not run");
            return;
        }

        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 120);
        await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("target"));
        foreach (var workers in new[] { 1, 8 })
        {
            var duration = TimeSpan.FromSeconds(3);
            var watch = Stopwatch.StartNew();
            var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
            {
                var n = 0;
                while (watch.Elapsed < duration)
                {
                    using var response = await e.Http.GetAsync(ConfigMaps + "/target", e.Ct);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync(e.Ct);
                    n++;
                }

                return n;
            }));
            var total = counts.Sum();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /configmaps/target, {workers} concurrent client(s): {total} in {watch.Elapsed.TotalSeconds:F2}s = {total / watch.Elapsed.TotalSeconds:F0} GETs/s"));
        }
    }

    [Fact]
    public async Task Benchmark_WatchFanOut_50Watchers10000Updates_NoneLost()
    {
        if (!Enabled)
        {
            output.WriteLine("ADDONS_BENCH is not 1: benchmark not run");
            return;
        }

        const int Watchers = 50;
        const int Updates = 10_000;
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 300);
        var (_, created) = await e.PostAsync(ConfigMaps, EmulatorClient.ConfigMap("hot"));
        var startRv = created!["metadata"]!["resourceVersion"]!.ToString();

        var readers = new List<WatchReader>();
        for (var i = 0; i < Watchers; i++)
        {
            readers.Add(await WatchReader.OpenAsync(e, $"{ConfigMaps}?watch=true&resourceVersion={startRv}"));
        }

        await e.Api.WaitForOpenWatchesAsync(Watchers, e.Ct);
        var receiving = readers.Select(r => Task.Run(() => CountModifiedAsync(r, Updates, e.Ct))).ToList();

        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = w; i < Updates; i += 4)
            {
                using var content = new StringContent("{\"data\":{\"k\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}}", Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/merge-patch+json");
                using var response = await e.Http.PatchAsync(ConfigMaps + "/hot", content, e.Ct);
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(writers);
        var written = clock.Elapsed;
        var received = await Task.WhenAll(receiving);
        var delivered = clock.Elapsed;
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watch fan-out: {Updates} updates (4 concurrent writers) in {written.TotalSeconds:F2}s = {Updates / written.TotalSeconds:F0} writes/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watch fan-out: {Watchers} watchers x {Updates} events = {Watchers * Updates} delivered, all by {delivered.TotalSeconds:F2}s = {Watchers * Updates / delivered.TotalSeconds:F0} events/s"));
        Assert.All(received, r => Assert.Equal((Updates, true), r));
    }

    /// <summary>Counts MODIFIED events and checks their resourceVersions strictly increase.</summary>
    private static async Task<(int Count, bool Ordered)> CountModifiedAsync(WatchReader reader, int expected, CancellationToken ct)
    {
        var count = 0;
        long last = 0;
        var ordered = true;
        while (count < expected && await reader.NextAsync(ct) is { } evt)
        {
            if (evt.Type != "MODIFIED")
            {
                continue;
            }

            var rv = long.Parse(evt.Object["metadata"]!["resourceVersion"]!.ToString(), CultureInfo.InvariantCulture);
            ordered &= rv > last;
            last = rv;
            count++;
        }

        return (count, ordered);
    }
}

using System.Diagnostics;
using System.Globalization;
using Addons.Kit.Testing.Emulator;
using Xunit.Abstractions;

namespace Addons.Kit.Tests.Hosting;

/// <summary>
/// Measures the minimal host's idle RSS on a live emulator (a watch and its lease), for NativeAOT and
/// JIT builds side by side. A measurement, not a CI test: it runs only when
/// <c>KIT_FOOTPRINT_AOT</c> (the published binary) is set, optionally <c>KIT_FOOTPRINT_JIT</c>
/// (a framework-dependent <c>minimal-host.dll</c>) and <c>KIT_FOOTPRINT_IDLE</c> (seconds, default 30):
/// <code>
/// dotnet publish shared/Addons.MinimalHost -c Release -r linux-x64 -o artifacts/mh-aot
/// dotnet publish shared/Addons.MinimalHost -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o artifacts/mh-jit
/// KIT_FOOTPRINT_AOT=$PWD/artifacts/mh-aot/minimal-host KIT_FOOTPRINT_JIT=$PWD/artifacts/mh-jit/minimal-host.dll \
///   dotnet test tests/Addons.Kit.Tests --filter MinimalHostFootprint --logger "console;verbosity=detailed"
/// </code>
/// </summary>
public sealed class MinimalHostFootprint(ITestOutputHelper output)
{
    [Fact]
    public async Task IdleRss_AotAndJit_Reported()
    {
        var aot = Environment.GetEnvironmentVariable("KIT_FOOTPRINT_AOT");
        if (string.IsNullOrEmpty(aot))
        {
            output.WriteLine("KIT_FOOTPRINT_AOT not set: measurement skipped");
            return;
        }

        var idle = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("KIT_FOOTPRINT_IDLE") ?? "30", CultureInfo.InvariantCulture));
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kit-footprint-{Guid.NewGuid():N}.yaml");
        api.WriteKubeconfig(kubeconfig, defaultNamespace: "demo");
        await api.ApplyYamlAsync(Seed(), CancellationToken.None);

        var aotKb = await MeasureAsync("aot", aot, [], kubeconfig, idle);
        var jit = Environment.GetEnvironmentVariable("KIT_FOOTPRINT_JIT");
        if (!string.IsNullOrEmpty(jit))
        {
            await MeasureAsync("jit", "dotnet", [jit], kubeconfig, idle);
        }

        File.Delete(kubeconfig);
        Assert.InRange(aotKb, 1, 16 * 1024);
    }

    private async Task<long> MeasureAsync(string label, string file, string[] prefix, string kubeconfig, TimeSpan idle)
    {
        var port = MinimalHostProcess.FreePort();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in prefix.Concat(["--kubeconfig", kubeconfig, "--health-port", port.ToString(CultureInfo.InvariantCulture),
                     "--Health:BindAddress=127.0.0.1", "--Watch:Namespace=demo", "--log-level=Warning"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (!await IsReadyAsync(http))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "not ready within 30 s");
            await Task.Delay(10);
        }

        var ready = clock.Elapsed;
        await Task.Delay(idle);
        var status = await File.ReadAllLinesAsync($"/proc/{process.Id}/status");
        var rssKb = long.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        using (Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{label}: ready {ready.TotalMilliseconds:F0} ms, idle RSS {rssKb / 1024.0:F1} MB after {idle.TotalSeconds:F0} s, exit {process.ExitCode}");
        return rssKb;
    }

    private static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Seed() =>
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: demo}\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: cm{i}, namespace: demo}}\ndata: {{k: v{i}}}\n"));
}

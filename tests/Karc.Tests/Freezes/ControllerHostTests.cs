using Addons.Karc.Cli;
using Addons.Karc.Freezes;

namespace Karc.Tests.Freezes;

public class ControllerHostTests
{
    [Fact]
    public async Task RunAsync_WindowOpensAndCloses_HostPausesThenResumesOnTime()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        using var stop = new CancellationTokenSource(KarcCluster.Timeout);
        var options = KarcSettings.Definition.Parse(["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0", "--log-level", "Warning", "--lease-namespace", "default"], _ => null);
        var host = ControllerHost.RunAsync(options, stop.Token);

        // The window is placed once the controller leads, so a slow start on a loaded machine cannot
        // swallow it; what is asserted is that the pause follows the window, not how fast we start.
        await WaitUntilAsync(() => cluster.Api.Get("coordination.k8s.io", "v1", "leases", "default", "karc")?["spec"]?["holderIdentity"] is not null, host, stop.Token);
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var end = start.AddSeconds(3);
        await cluster.Api.ApplyYamlAsync(
            "{\"apiVersion\":\"karc.io/v1alpha1\",\"kind\":\"ConsolidationFreeze\",\"metadata\":{\"name\":\"soon\"},\"spec\":{\"nodePools\":[\"general\"]," +
            $"\"window\":{{\"start\":\"{start:yyyy-MM-ddTHH:mm:ss.fffK}\",\"end\":\"{end:yyyy-MM-ddTHH:mm:ss.fffK}\"}}}}}}",
            CancellationToken.None);

        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"0"},{"nodes":"20%"}]""", host, stop.Token);
        Assert.True(DateTimeOffset.UtcNow >= start.AddMilliseconds(-50), "paused before the window opened");
        await WaitUntilAsync(() => cluster.Budgets("general") == """[{"nodes":"20%"}]""", host, stop.Token);
        Assert.True(DateTimeOffset.UtcNow >= end.AddMilliseconds(-50), "resumed before the window closed");

        // The status is written after the pools are synced: wait for it rather than racing it.
        await WaitUntilAsync(() => cluster.Api.Get("karc.io", "v1alpha1", "consolidationfreezes", null, "soon")?["status"]?["active"]?.GetValue<bool>() == false, host, stop.Token);

        await stop.CancelAsync();
        Assert.Equal(0, await host.WaitAsync(KarcCluster.Timeout));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task host, CancellationToken cancellationToken)
    {
        // The emulator has no per-object change callback for tests; poll its store at a short interval, bounded by the token.
        while (!condition())
        {
            Assert.False(host.IsCompleted, "the controller host stopped");
            await Task.Delay(25, cancellationToken);
        }
    }
}

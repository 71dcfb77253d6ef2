using Addons.Kit.Controllers;
using Addons.Kit.Hosting;
using Addons.Kit.Testing.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Addons.Kit.Tests.Controllers;

/// <summary><c>AddLeaderWork</c> in a whole addon host, in process, against the emulator.</summary>
public sealed class LeaderWorkTests
{
    [Fact]
    public async Task AddLeaderWork_LeaderElected_StartsHoldingLeaseCancelledOnStopLeaseReleasedAfter()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var emulator = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"leader-work-{Guid.NewGuid():N}.yaml");
        emulator.WriteKubeconfig(kubeconfig, defaultNamespace: "default");
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
            var probe = new LeaseProbe(emulator, stop);
            var builder = AddonHost.CreateBuilder(
                ["--kubeconfig", kubeconfig, "--leader-elect=true", "--lease-name", "lw", "--lease-namespace", "default", "--health-port=0", "--log-level=Warning"],
                "leader-work-test");
            builder.Services.AddSingleton(probe);
            builder.AddLeaderWork<LeaseProbe>("probe");

            var code = await builder.Build().RunAsync(stop.Token);

            Assert.Equal(0, code);
            Assert.False(string.IsNullOrEmpty(probe.HolderAtStart));
            Assert.True(probe.Cancelled);
            Assert.Equal(probe.HolderAtStart, probe.HolderWhenCancelled);
            Assert.True(string.IsNullOrEmpty(Holder(emulator)), "lease not released after the work returned");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task AddLeaderWork_Throws_HostStopsWithExit1()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var emulator = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"leader-work-{Guid.NewGuid():N}.yaml");
        emulator.WriteKubeconfig(kubeconfig, defaultNamespace: "default");
        try
        {
            var builder = AddonHost.CreateBuilder(["--kubeconfig", kubeconfig, "--health-port=0", "--log-level=Fatal"], "leader-work-test");
            builder.AddLeaderWork("boom", _ => new Failing());

            Assert.Equal(1, await builder.Build().RunAsync(cts.Token));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    private static string? Holder(KubeApiEmulator emulator) =>
        emulator.Get("coordination.k8s.io", "v1", "leases", "default", "lw")?["spec"]?["holderIdentity"]?.GetValue<string>();

    private sealed class Failing : ILeaderService
    {
        public Task RunAsync(CancellationToken leading) => throw new InvalidOperationException("boom");
    }

    private sealed class LeaseProbe(KubeApiEmulator emulator, CancellationTokenSource stop) : ILeaderService
    {
        public string? HolderAtStart { get; private set; }

        public string? HolderWhenCancelled { get; private set; }

        public bool Cancelled { get; private set; }

        public async Task RunAsync(CancellationToken leading)
        {
            HolderAtStart = Holder(emulator);
            await stop.CancelAsync();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, leading);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                HolderWhenCancelled = Holder(emulator);
                throw;
            }
        }
    }
}

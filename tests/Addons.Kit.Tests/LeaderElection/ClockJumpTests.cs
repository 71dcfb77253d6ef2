using System.Diagnostics;
using Addons.Kit.Kubernetes;
using Addons.Kit.LeaderElection;
using Addons.Kit.Tests.Kubernetes;

namespace Addons.Kit.Tests.LeaderElection;

/// <summary>
/// Leader election must not read durations off the wall clock. Before the fix a standby whose clock
/// jumped forward took a healthy lease (two leaders), and a leader whose clock jumped back kept
/// leading past its renew deadline.
/// </summary>
public sealed class ClockJumpTests
{
    private static LeaderElectionOptions Options(string identity, double lease, double renew, double retry) => new()
    {
        LeaseName = "jump-leader",
        Namespace = "default",
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(lease),
        RenewDeadline = TimeSpan.FromSeconds(renew),
        RetryPeriod = TimeSpan.FromSeconds(retry),
    };

    [Fact]
    public async Task Run_StandbyWallClockJumpsForward_DoesNotTakeAHealthyLease()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        // The leader renews every 2 s; the standby looks every 0.1 s, so most of its looks see no new renewal.
        var leader = new LeaderElector(h.Api, Options("leader", lease: 15, renew: 10, retry: 2));
        var standbyClock = new JumpingClock();
        var standby = new LeaderElector(h.Api, Options("standby", lease: 15, renew: 10, retry: 0.1), timeProvider: standbyClock);
        var leaderLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var standbyLeads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var runLeader = leader.RunAsync(ct => Lead(leaderLeads, ct), null, stop.Token);
        await leaderLeads.Task.WaitAsync(cts.Token);
        var runStandby = standby.RunAsync(ct => Lead(standbyLeads, ct), null, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(0.5), cts.Token);

        standbyClock.Jump(TimeSpan.FromSeconds(60));
        var tookOver = await Task.WhenAny(standbyLeads.Task, Task.Delay(TimeSpan.FromSeconds(4), cts.Token)) == standbyLeads.Task;

        Assert.False(tookOver, "the standby took the lease of a leader renewing every 2 s");
        Assert.True(leader.IsLeader);
        await stop.CancelAsync();
        await Task.WhenAll(runLeader, runStandby).WaitAsync(cts.Token);
    }

    [Fact]
    public async Task Run_LeaderWallClockJumpsBackWhileRenewalsFail_StopsLeadingAtItsRenewDeadline()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var h = await EmulatorHarness.StartAsync(cts.Token);
        var options = Options("leader", lease: 3, renew: 2, retry: 0.2);
        var clock = new JumpingClock();
        var elector = new LeaderElector(h.Api, options, timeProvider: clock);
        var leads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        var run = elector.RunAsync(
            async ct =>
            {
                ct.Register(() => cancelledAt.TrySetResult(watch.Elapsed));
                leads.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
            null,
            cts.Token);
        await leads.Task.WaitAsync(cts.Token);

        h.Emulator.Faults.AddError(500, verb: "update", resource: "leases");
        var lastRenew = watch.Elapsed;
        clock.Jump(TimeSpan.FromSeconds(-60));
        await Assert.ThrowsAsync<LeadershipLostException>(() => run.WaitAsync(cts.Token));
        var cancelled = await cancelledAt.Task.WaitAsync(cts.Token);

        Assert.True(cancelled - lastRenew < options.LeaseDuration, $"work cancelled {cancelled - lastRenew} after the last renewal; the lease lasts {options.LeaseDuration}");
    }

    private static async Task Lead(TaskCompletionSource leads, CancellationToken ct)
    {
        leads.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Leadership ended.
        }
    }

    /// <summary>The system's timers and monotonic clock, with a wall clock the test can step.</summary>
    private sealed class JumpingClock : TimeProvider
    {
        private long _offsetTicks;

        public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}

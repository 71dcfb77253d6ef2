using Addons.Kit.Controllers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Controllers;

/// <summary>
/// A dead watch and a wedged worker must be visible: before the fix one watch dying behind
/// <c>Task.WhenAll</c> left /readyz and /healthz ok until SIGTERM.
/// </summary>
public sealed class ControllerFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static int _names;

    [Fact]
    public async Task RunWatchesAsync_OneSecondaryWatchDies_CompletesWithItsErrorAndStopsTheOthers()
    {
        var primary = new FakeSource<TestObject>(o => o.Key);
        var dying = new DyingSource(new InvalidOperationException("handler threw"));
        var controller = new Controller<TestObject>(
            "fail" + Interlocked.Increment(ref _names), primary, [dying], new ScriptedReconciler((_, _, _, _) => Task.FromResult(ReconcileResult.AwaitChange())),
            o => o.Key, 1, new FakeTimeProvider(), NullLogger.Instance);
        using var never = new CancellationTokenSource();

        var watches = controller.RunWatchesAsync(never.Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => watches.WaitAsync(Bound));
        Assert.Equal("handler threw", error.Message);
    }

    [Fact]
    public async Task OldestReconcile_ReconcileRunsPastStuckAfter_ExceedsTheBound()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new ScriptedReconciler(async (_, _, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ReconcileResult.AwaitChange();
        });
        var source = new FakeSource<TestObject>(o => o.Key);
        var controller = new Controller<TestObject>("wedged" + Interlocked.Increment(ref _names), source, [], reconciler, o => o.Key, 1, time, NullLogger.Instance)
        {
            StuckAfter = TimeSpan.FromMinutes(15),
        };
        using var stop = new CancellationTokenSource();
        using var drain = new CancellationTokenSource();
        source.Upsert(new TestObject("ns/a"));
        var watches = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, drain.Token);
        await entered.Task.WaitAsync(Bound);

        time.Advance(TimeSpan.FromMinutes(14));
        var beforeBound = controller.OldestReconcile;
        time.Advance(TimeSpan.FromMinutes(2));
        var afterBound = controller.OldestReconcile;

        Assert.True(beforeBound <= controller.StuckAfter);
        Assert.True(afterBound > controller.StuckAfter);
        await stop.CancelAsync();
        await drain.CancelAsync();
        await Task.WhenAll(watches, workers).WaitAsync(Bound);
        Assert.Equal(TimeSpan.Zero, controller.OldestReconcile);
    }

    /// <summary>A secondary watch that syncs, then dies.</summary>
    private sealed class DyingSource(Exception error) : IWatchSource
    {
        public bool HasSynced => true;

        public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw error;
        }
    }
}

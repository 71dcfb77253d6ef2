using Addons.Kit.Controllers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static int _names;

    private static (Controller<TestObject> Controller, FakeSource<TestObject> Source) Create(
        IReconciler<TestObject> reconciler, TimeProvider time, int workers = 1)
    {
        var source = new FakeSource<TestObject>(o => o.Key);
        var controller = new Controller<TestObject>(
            "test" + Interlocked.Increment(ref _names), source, [], reconciler, o => o.Key, workers, time, NullLogger.Instance);
        return (controller, source);
    }

    private static async Task<(string Key, TestObject? Obj, bool Deleted)> NextCallAsync(ScriptedReconciler reconciler) =>
        await reconciler.Calls.Reader.ReadAsync().AsTask().WaitAsync(Bound);

    [Fact]
    public async Task RunWorkersAsync_ObjectChanges_ReconcilesLatestState()
    {
        var reconciler = new ScriptedReconciler((_, _, _, _) => Task.FromResult(ReconcileResult.AwaitChange()));
        var (controller, source) = Create(reconciler, new FakeTimeProvider());
        using var stop = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("ns/a", 1));
        source.Upsert(new TestObject("ns/a", 2));
        var watches = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);

        var call = await NextCallAsync(reconciler);
        Assert.Equal(2, call.Obj!.Generation);
        await stop.CancelAsync();
        await Task.WhenAll(watches, workers).WaitAsync(Bound);
        Assert.Equal(1, reconciler.CallsFor("ns/a"));
    }

    [Fact]
    public async Task Reconcile_Throws_RetriedWithBackoffUntilSuccess()
    {
        var time = new FakeTimeProvider();
        var reconciler = new ScriptedReconciler((_, _, attempt, _) =>
            attempt < 3 ? throw new InvalidOperationException("boom") : Task.FromResult(ReconcileResult.AwaitChange()));
        var (controller, source) = Create(reconciler, time);
        using var stop = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("ns/a"));
        _ = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);

        await NextCallAsync(reconciler);
        await WaitUntilAsync(() => controller.Queue.Retries("ns/a") == 1 && controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromMilliseconds(5));
        await NextCallAsync(reconciler);
        await WaitUntilAsync(() => controller.Queue.Retries("ns/a") == 2 && controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(2, reconciler.CallsFor("ns/a"));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await NextCallAsync(reconciler);
        await WaitUntilAsync(() => controller.Queue.Retries("ns/a") == 0);

        await stop.CancelAsync();
        await workers.WaitAsync(Bound);
    }

    [Fact]
    public async Task Reconcile_TerminalError_NotRetried()
    {
        var time = new FakeTimeProvider();
        var reconciler = new ScriptedReconciler((_, _, _, _) => throw new TerminalReconcileException("invalid spec"));
        var (controller, source) = Create(reconciler, time);
        using var stop = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("ns/a"));
        _ = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);

        await NextCallAsync(reconciler);
        await WaitUntilAsync(() => controller.Queue.Count == 0);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, reconciler.CallsFor("ns/a"));
        Assert.Equal(0, controller.Queue.Count);

        // A change still reconciles it.
        source.Upsert(new TestObject("ns/a", 2));
        await NextCallAsync(reconciler);
        await stop.CancelAsync();
        await workers.WaitAsync(Bound);
    }

    [Fact]
    public async Task Reconcile_RequeueAfter_ReconciledAgainWhenDue()
    {
        var time = new FakeTimeProvider();
        var reconciler = new ScriptedReconciler((_, _, _, _) => Task.FromResult(ReconcileResult.Requeue(TimeSpan.FromMinutes(1))));
        var (controller, source) = Create(reconciler, time);
        using var stop = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("a"));
        _ = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);

        await NextCallAsync(reconciler);
        // The worker schedules the requeue after the reconciler returns; advance the clock only once it has.
        await WaitUntilAsync(() => controller.Queue.DelayedCount == 1);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, reconciler.CallsFor("a"));
        time.Advance(TimeSpan.FromSeconds(1));
        await NextCallAsync(reconciler);

        await stop.CancelAsync();
        await workers.WaitAsync(Bound);
    }

    [Fact]
    public async Task Reconcile_ObjectDeleted_DeliversDeletionWithLastKnownState()
    {
        var reconciler = new ScriptedReconciler((_, _, _, _) => Task.FromResult(ReconcileResult.AwaitChange()));
        var (controller, source) = Create(reconciler, new FakeTimeProvider());
        using var stop = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("ns/a", 7));
        _ = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);
        Assert.False((await NextCallAsync(reconciler)).Deleted);

        source.Delete("ns/a");
        var call = await NextCallAsync(reconciler);
        Assert.True(call.Deleted);
        Assert.Equal("ns/a", call.Key);

        await stop.CancelAsync();
        await workers.WaitAsync(Bound);
    }

    [Fact]
    public async Task RunWorkersAsync_FourWorkersBusyKeys_NeverReconcilesOneKeyConcurrently()
    {
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var maxParallel = 0;
        var running = 0;
        var reconciler = new ScriptedReconciler(async (_, key, _, ct) =>
        {
            if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxParallel, now);
            await Task.Delay(1, ct);
            Interlocked.Decrement(ref running);
            inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            return ReconcileResult.AwaitChange();
        });
        var (controller, source) = Create(reconciler, TimeProvider.System, workers: 4);
        using var stop = new CancellationTokenSource(Bound);
        _ = controller.RunWatchesAsync(stop.Token);
        var workers = controller.RunWorkersAsync(stop.Token, CancellationToken.None);
        for (var i = 0; i < 400; i++)
        {
            source.Upsert(new TestObject("k" + (i % 6), i));
            if (i % 20 == 0)
            {
                await Task.Delay(2);
            }
        }

        await WaitUntilAsync(() => controller.Queue.Count == 0 && Volatile.Read(ref running) == 0);
        await stop.CancelAsync();
        await workers.WaitAsync(Bound);
        Assert.Equal(0, overlaps);
        Assert.InRange(maxParallel, 1, 4);
    }

    [Fact]
    public async Task RunWorkersAsync_IntakeCancelledDuringReconcile_InFlightReconcileCompletes()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = false;
        var reconciler = new ScriptedReconciler(async (_, _, _, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            completed = true;
            return ReconcileResult.AwaitChange();
        });
        var (controller, source) = Create(reconciler, new FakeTimeProvider());
        using var intake = new CancellationTokenSource(Bound);
        source.Upsert(new TestObject("a"));
        _ = controller.RunWatchesAsync(intake.Token);
        var workers = controller.RunWorkersAsync(intake.Token, CancellationToken.None);
        await entered.Task.WaitAsync(Bound);

        await intake.CancelAsync();
        source.Upsert(new TestObject("b"));
        Assert.False(workers.IsCompleted);
        release.SetResult();
        await workers.WaitAsync(Bound);

        Assert.True(completed);
        Assert.Equal(0, reconciler.CallsFor("b"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }
}

using Addons.Kit.Controllers;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Controllers;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static WorkQueue NewQueue(TimeProvider time) => new(time, new RetryRateLimiter(time));

    [Fact]
    public async Task Add_SameKeyWhileQueued_HandedOutOnce()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        queue.Add("ns/a");
        queue.Add("ns/a");
        queue.Add("ns/b");

        Assert.Equal(2, queue.Count);
        Assert.Equal("ns/a", await queue.TakeAsync(CancellationToken.None).WaitAsync(Bound));
        Assert.Equal("ns/b", await queue.TakeAsync(CancellationToken.None).WaitAsync(Bound));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Add_WhileProcessing_HandedOutAgainOnlyAfterDone()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        queue.Add("k");
        var key = await queue.TakeAsync(CancellationToken.None).WaitAsync(Bound);

        queue.Add("k");
        queue.Add("k");
        var second = queue.TakeAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.Equal(0, queue.Count);

        queue.Done(key);
        Assert.Equal("k", await second.WaitAsync(Bound));
        queue.Done("k");
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task TakeAsync_ManyWorkersManyAdds_NeverTheSameKeyTwiceAtOnce()
    {
        using var queue = NewQueue(TimeProvider.System);
        using var cts = new CancellationTokenSource(Bound);
        var inFlight = new HashSet<string>();
        var processed = 0;
        var overlaps = 0;
        var gate = new Lock();

        async Task WorkerAsync()
        {
            while (Volatile.Read(ref processed) < 2000)
            {
                string key;
                try
                {
                    key = await queue.TakeAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                lock (gate)
                {
                    overlaps += inFlight.Add(key) ? 0 : 1;
                }

                await Task.Yield();
                lock (gate)
                {
                    inFlight.Remove(key);
                }

                Interlocked.Increment(ref processed);
                queue.Done(key);
                // Keep the queue busy: re-add this key and a neighbour while others are in flight.
                queue.Add(key);
                queue.Add("k" + (Random.Shared.Next(5)));
            }

            await cts.CancelAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            queue.Add("k" + i);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkerAsync))).WaitAsync(Bound);

        Assert.True(processed >= 2000);
        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task AddAfter_EarlierThenLater_KeepsTheEarliestTime()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddAfter("k", TimeSpan.FromSeconds(5));
        queue.AddAfter("k", TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, queue.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal("k", await queue.TakeAsync(CancellationToken.None).WaitAsync(Bound));
        queue.Done("k");

        // The later request was folded into the earlier one: nothing fires at 30 s.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void AddAfter_LaterThenEarlier_FiresAtTheEarlierTime()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddAfter("k", TimeSpan.FromSeconds(30));
        queue.AddAfter("k", TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddAfter_BeyondTheLongestTimerDelay_IsAcceptedAndDisposesCleanly()
    {
        // The system clock's timers reject due times past ~49.7 days; a requeue at a far transition must not throw
        // nor leave a half-built entry behind for Dispose.
        var queue = NewQueue(TimeProvider.System);
        queue.AddAfter("k", TimeSpan.FromDays(100));
        Assert.Equal(0, queue.Count);
        queue.Dispose();
    }

    [Fact]
    public async Task AddAfter_KeyAlsoAddedNow_HandedOutNowAndAgainWhenDue()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddAfter("k", TimeSpan.FromSeconds(10));
        queue.Add("k");
        Assert.Equal("k", await queue.TakeAsync(CancellationToken.None).WaitAsync(Bound));
        queue.Done("k");

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task TakeAsync_Cancelled_Throws()
    {
        using var queue = NewQueue(new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var take = queue.TakeAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take.WaitAsync(Bound));
    }

    [Fact]
    public void AddRateLimited_RepeatedFailures_DelayDoublesFromFiveMilliseconds()
    {
        var time = new FakeTimeProvider();
        using var queue = NewQueue(time);
        queue.AddRateLimited("k");   // 5 ms
        queue.AddRateLimited("k");   // 10 ms, but the earlier 5 ms stays pending
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, queue.Count);
        Assert.Equal(2, queue.Retries("k"));

        queue.Forget("k");
        Assert.Equal(0, queue.Retries("k"));
    }
}

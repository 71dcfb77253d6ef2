using Addons.Kit.Kubernetes.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class BackoffTests
{
    [Fact]
    public void Next_ConsecutiveFailures_GrowsToMaxWithJitterInBounds()
    {
        var time = new FakeTimeProvider();
        var backoff = new Backoff(new BackoffOptions(), time, new Random(42));
        var bases = new List<TimeSpan>();

        for (var i = 0; i < 10; i++)
        {
            var delay = backoff.Next();
            bases.Add(backoff.Current);
            Assert.InRange(delay, backoff.Current, TimeSpan.FromSeconds(30));
            time.Advance(delay);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(800), bases[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(1600), bases[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(3200), bases[2]);
        Assert.Equal(TimeSpan.FromSeconds(30), bases[^1]);
        Assert.True(bases.Zip(bases.Skip(1)).All(p => p.Second >= p.First), "delays never shrink while failing");
    }

    [Fact]
    public void Next_AfterHealthyPeriod_StartsOver()
    {
        var time = new FakeTimeProvider();
        var backoff = new Backoff(new BackoffOptions(), time, new Random(1));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(backoff.Next());
        }

        Assert.Equal(TimeSpan.FromMilliseconds(12800), backoff.Current);

        time.Advance(TimeSpan.FromMinutes(2));
        backoff.Next();

        Assert.Equal(TimeSpan.FromMilliseconds(800), backoff.Current);
    }

    [Fact]
    public void Next_NoJitter_ExactDoubling()
    {
        var backoff = new Backoff(new BackoffOptions { Jitter = 0 }, new FakeTimeProvider());

        Assert.Equal(TimeSpan.FromMilliseconds(800), backoff.Next());
        Assert.Equal(TimeSpan.FromMilliseconds(1600), backoff.Next());
    }
}

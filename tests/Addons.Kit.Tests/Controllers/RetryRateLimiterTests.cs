using Addons.Kit.Controllers;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Controllers;

public sealed class RetryRateLimiterTests
{
    [Fact]
    public void When_RepeatedFailures_ExponentialFrom5msCappedAt1000s()
    {
        var time = new FakeTimeProvider();
        var limiter = new RetryRateLimiter(time);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 30; i++)
        {
            delays.Add(limiter.When("k"));
            // Let the global bucket refill so only the per-key backoff shows.
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(5), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(10), delays[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(20), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(5 * 1024), delays[10]);
        Assert.Equal(TimeSpan.FromSeconds(1000), delays[^1]);
        Assert.Equal(30, limiter.Failures("k"));
    }

    [Fact]
    public void Forget_AfterFailures_StartsOverAtBaseDelay()
    {
        var time = new FakeTimeProvider();
        var limiter = new RetryRateLimiter(time);
        limiter.When("k");
        limiter.When("k");
        limiter.Forget("k");

        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("k"));
    }

    [Fact]
    public void When_ManyKeysAtOnce_GlobalBucketAllowsBurstOf100Then10PerSecond()
    {
        var time = new FakeTimeProvider();
        var limiter = new RetryRateLimiter(time);
        var delays = Enumerable.Range(0, 110).Select(i => limiter.When("k" + i)).ToList();

        Assert.All(delays.Take(100), d => Assert.Equal(TimeSpan.FromMilliseconds(5), d));
        Assert.Equal(TimeSpan.FromMilliseconds(100), delays[100]);
        Assert.Equal(TimeSpan.FromSeconds(1), delays[109]);
    }
}

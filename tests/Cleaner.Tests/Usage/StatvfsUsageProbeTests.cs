using Addons.Cleaner.Usage;

namespace Addons.Cleaner.Tests.Usage;

public sealed class StatvfsUsageProbeTests
{
    [Fact]
    public void Measure_ExistingPath_ReturnsConsistentUsage()
    {
        var usage = new StatvfsUsageProbe().Measure(Path.GetTempPath());

        Assert.True(usage.TotalBytes > 0);
        Assert.True(usage.AvailableBytes <= usage.TotalBytes);
        Assert.InRange(usage.Percent, 0, 100);
    }

    [Fact]
    public void Measure_MissingPath_Throws()
    {
        Assert.Throws<UsageProbeException>(() => new StatvfsUsageProbe().Measure("/nonexistent/" + Guid.NewGuid().ToString("N")));
    }

    [Theory]
    [InlineData(100UL, 20UL, 80.0)]
    [InlineData(0UL, 0UL, 0.0)]
    [InlineData(1000UL, 1000UL, 0.0)]
    public void Percent_BlocksAndAvailable_IsUsedOverTotal(ulong total, ulong available, double expected)
    {
        Assert.Equal(expected, new DiskUsage(total, available).Percent, 6);
    }
}

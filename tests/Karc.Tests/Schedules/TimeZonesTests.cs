using Addons.Karc.Schedules;

namespace Karc.Tests.Schedules;

public class TimeZonesTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Seoul")]
    [InlineData("US/Eastern")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Kathmandu")]
    public void TryResolve_IanaName_Accepts(string id)
    {
        Assert.True(TimeZones.TryResolve(id, out var zone));
        Assert.NotNull(zone);
    }

    [Theory]
    [InlineData("KST")]
    [InlineData("Invalid/Zone")]
    [InlineData("Korea Standard Time")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("zone.tab")]
    [InlineData("")]
    public void TryResolve_NotIana_Rejects(string id)
    {
        Assert.False(TimeZones.TryResolve(id, out _));
    }
}

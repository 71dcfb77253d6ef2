using Addons.Gss.Schedules;

namespace Addons.Gss.Tests.Schedules;

public sealed class CronLocalizerTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
    private static readonly DateTimeOffset Winter = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 9 * * *", "0 18 * * *")]
    [InlineData("0 0 * * *", "0 9 * * *")]
    [InlineData("30 14 * * 1", "30 23 * * 1")]
    [InlineData("0 20 * * 5", "0 5 * * 6")]
    [InlineData("0 0,12 * * *", "0 9,21 * * *")]
    [InlineData("0 9-17 * * *", "0 18-23,0-2 * * *")]
    [InlineData("0 20 * * 1", "0 5 * * 2")]
    [InlineData("0 20 * * 6", "0 5 * * 0")]
    [InlineData("0 20 * * 1,3,5", "0 5 * * 2,4,6")]
    [InlineData("0 20 * * 1-5", "0 5 * * 2-6")]
    [InlineData("0 20 * * MON", "0 5 * * TUE")]
    [InlineData("0 20 * * MON-FRI", "0 5 * * TUE-SAT")]
    [InlineData("0 20 * * 5-6", "0 5 * * 6,0")]
    public void ToZone_AsiaSeoul_MatchesTheSpec(string utc, string local)
    {
        var result = CronLocalizer.ToZone(utc, Seoul, Winter);

        Assert.Equal(local, result.Expression);
        Assert.False(result.UtcRelative);
    }

    [Theory]
    [InlineData("*/6 * * * *")]
    [InlineData("0 */6 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 * * * *")]
    public void ToZone_StepOrStarHour_UnchangedAndUtcRelative(string utc)
    {
        var result = CronLocalizer.ToZone(utc, Seoul, Winter);

        Assert.Equal(utc, result.Expression);
        Assert.True(result.UtcRelative);
        Assert.Equal(utc + " (UTC-relative)", result.ToString());
    }

    [Theory]
    [InlineData("Asia/Kolkata", "0 9 * * *", "30 14 * * *")]
    [InlineData("Asia/Kolkata", "30 14 * * 1", "0 20 * * 1")]
    [InlineData("Asia/Kolkata", "0 20 * * 5", "30 1 * * 6")]
    [InlineData("Asia/Kolkata", "0 0,12 * * *", "30 5,17 * * *")]
    [InlineData("Asia/Kathmandu", "0 9 * * *", "45 14 * * *")]
    [InlineData("Asia/Kathmandu", "30 14 * * 1", "15 20 * * 1")]
    [InlineData("Asia/Kathmandu", "15 20 * * 6", "0 2 * * 0")]
    [InlineData("UTC", "0 9-17 * * 1-5", "0 9-17 * * 1-5")]
    [InlineData("UTC", "*/15 * * * *", "*/15 * * * *")]
    public void ToZone_OtherZones_ShiftsByTheirOffset(string zone, string utc, string local)
    {
        var result = CronLocalizer.ToZone(utc, TimeZoneInfo.FindSystemTimeZoneById(zone), Winter);

        Assert.Equal(local, result.Expression);
        Assert.False(result.UtcRelative);
    }

    [Theory]
    [InlineData("0 9 * * *", "0 4 * * *", "0 5 * * *")]
    [InlineData("0 2 * * 1", "0 21 * * 0", "0 22 * * 0")]
    [InlineData("30 3 * * MON-FRI", "30 22 * * SUN-THU", "30 23 * * SUN-THU")]
    [InlineData("0 4 * * 0", "0 23 * * 6", "0 0 * * 0")]
    public void ToZone_NewYork_FollowsDaylightSavingTime(string utc, string winter, string summer)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal(winter, CronLocalizer.ToZone(utc, zone, Winter).Expression);
        Assert.Equal(summer, CronLocalizer.ToZone(utc, zone, Summer).Expression);
    }

    [Theory]
    [InlineData("0 9 * *")]
    [InlineData("0 0 9 * * *")]
    [InlineData("@daily")]
    [InlineData("0,30 22-23 * * 1")]
    [InlineData("0-30 9 * * *")]
    public void ToZone_NotConvertible_ReturnedUnchangedAndMarked(string utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(utc.StartsWith("0-30", StringComparison.Ordinal) ? "Asia/Kolkata" : "Asia/Seoul");

        var result = CronLocalizer.ToZone(utc, zone, Winter);

        if (utc == "0,30 22-23 * * 1")
        {
            // 22:00-23:30 UTC is 07:00-08:30 the next day in Seoul: every hour moves the same way.
            Assert.Equal("0,30 7-8 * * 2", result.Expression);
            return;
        }

        Assert.Equal(utc, result.Expression);
        Assert.True(result.UtcRelative);
    }

    [Fact]
    public void ToZone_RangeSplitByMidnightWithDayOfWeek_IsMarkedUtcRelative()
    {
        var result = CronLocalizer.ToZone("0 9-17 * * 1-5", Seoul, Winter);

        Assert.Equal("0 9-17 * * 1-5", result.Expression);
        Assert.True(result.UtcRelative);
    }
}

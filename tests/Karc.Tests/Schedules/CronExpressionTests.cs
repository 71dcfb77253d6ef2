using Addons.Karc.Schedules;

namespace Karc.Tests.Schedules;

public class CronExpressionTests
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("invalid")]
    [InlineData("0 9 * *")]
    [InlineData("60 9 * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 9 * * 8")]
    [InlineData("0 9 0 * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("")]
    public void TryParse_Invalid_ReturnsNull(string text)
    {
        Assert.Null(CronExpression.TryParse(text));
    }

    [Fact]
    public void PreviousAtOrBefore_WeeklyFriday_FindsLastWeek()
    {
        var cron = CronExpression.TryParse("0 9 * * 5")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), cron.PreviousAtOrBefore(Thursday, TimeZoneInfo.Utc));
    }

    [Fact]
    public void NextAfter_WeeklyFriday_FindsTomorrow()
    {
        var cron = CronExpression.TryParse("0 9 * * 5")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), cron.NextAfter(Thursday, TimeZoneInfo.Utc));
    }

    [Fact]
    public void PreviousAtOrBefore_ExactFireTime_ReturnsIt()
    {
        var cron = CronExpression.TryParse("0 12 * * *")!;
        Assert.Equal(Thursday, cron.PreviousAtOrBefore(Thursday, TimeZoneInfo.Utc));
    }

    [Fact]
    public void MatchesDate_BothDayFieldsRestricted_EitherMatches()
    {
        // 1st of the month OR Monday, as robfig/cron.
        var cron = CronExpression.TryParse("0 0 1 * 1")!;
        Assert.True(cron.MatchesDate(new DateTime(2026, 11, 1)));   // Sunday the 1st
        Assert.True(cron.MatchesDate(new DateTime(2026, 11, 23)));  // a Monday
        Assert.False(cron.MatchesDate(new DateTime(2026, 11, 24)));
    }

    [Fact]
    public void PreviousAtOrBefore_NeverFires_ReturnsNull()
    {
        var cron = CronExpression.TryParse("0 0 30 2 *")!;
        Assert.Null(cron.PreviousAtOrBefore(Thursday, TimeZoneInfo.Utc));
    }

    [Fact]
    public void NextAfter_InZone_UsesLocalWallClock()
    {
        Assert.True(TimeZones.TryResolve("Asia/Seoul", out var seoul));
        var cron = CronExpression.TryParse("0 18 * * 5")!;
        // Friday 18:00 in Seoul is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), cron.NextAfter(Thursday, seoul)!.Value.ToUniversalTime());
    }

    [Fact]
    public void TryParse_Macro_ExpandsAndMarks()
    {
        var cron = CronExpression.TryParse("@daily")!;
        Assert.True(cron.IsMacro);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), cron.PreviousAtOrBefore(Thursday, TimeZoneInfo.Utc));
    }
}

using Addons.Karc.Schedules;

namespace Karc.Tests.Schedules;

public class ScheduleWindowTests
{
    // Thursday 26 Nov 2026, 12:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static TimeZoneInfo Zone(string id)
    {
        Assert.True(TimeZones.TryResolve(id, out var zone), id);
        return zone;
    }

    [Theory]
    [InlineData("0 9 * * 5", "8h", "Fri 09:00 - 17:00")]
    [InlineData("0 22 * * *", "4h", "Daily 22:00 - 02:00")]
    [InlineData("30 10 * * *", "1h30m", "Daily 10:30 - 12:00")]
    [InlineData("0 0 * * 1-5", "2h", "Mon-Fri 00:00 - 02:00")]
    [InlineData("0 9 * * 1,3,5", "90m", "Mon,Wed,Fri 09:00 - 10:30")]
    [InlineData("invalid", "1h", "invalid + 1h")]
    [InlineData("@daily", "1h", "@daily + 1h")]
    [InlineData("0 9 * * 5", "bogus", "0 9 * * 5 + bogus")]
    [InlineData("*/15 * * * *", "5m", "*/15 * * * * + 5m")]
    public void Render_Utc_MatchesKarpenterSchedule(string cron, string duration, string expected)
    {
        Assert.Equal(expected, new ScheduleWindow(cron, duration).Render(TimeZoneInfo.Utc, Now));
    }

    [Theory]
    [InlineData("Asia/Seoul", "0 20 * * 5", "8h", "Sat 05:00 - 13:00")]
    [InlineData("Asia/Seoul", "0 9 * * 1-5", "8h", "Mon-Fri 18:00 - 02:00")]
    [InlineData("Asia/Seoul", "0 16 * * 1-5", "2h", "Tue-Sat 01:00 - 03:00")]
    [InlineData("Asia/Kolkata", "0 20 * * 5", "2h", "Sat 01:30 - 03:30")]
    [InlineData("Asia/Kolkata", "0 9 * * 1-5", "8h", "Mon-Fri 14:30 - 22:30")]
    [InlineData("Asia/Kathmandu", "30 18 * * 0", "1h", "Mon 00:15 - 01:15")]
    [InlineData("US/Eastern", "0 2 * * 1", "2h", "Sun 21:00 - 23:00")]
    [InlineData("US/Eastern", "0 3 * * 1,3,5", "1h", "Sun,Tue,Thu 22:00 - 23:00")]
    public void Render_DisplayZone_ShiftsTimeAndDay(string zone, string cron, string duration, string expected)
    {
        Assert.Equal(expected, new ScheduleWindow(cron, duration).Render(Zone(zone), Now));
    }

    [Fact]
    public void Render_EasternInSummer_UsesDaylightOffset()
    {
        var july = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("Sun 22:00 - 00:00", new ScheduleWindow("0 2 * * 1", "2h").Render(Zone("US/Eastern"), july));
    }

    [Fact]
    public void Render_NextOccurrenceAfterDstEnds_UsesOffsetAtWindowDate()
    {
        // Saturday 31 Oct 2026 is still EDT (-4); the window's Sunday 1 Nov 14:00 UTC is EST (-5).
        var saturday = new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("Sun 09:00 - 10:00", new ScheduleWindow("0 14 * * 0", "1h").Render(Zone("US/Eastern"), saturday));
    }

    [Fact]
    public void Render_NextOccurrenceAfterDstStarts_UsesOffsetAtWindowDate()
    {
        // Saturday 7 Mar 2026 is EST (-5); Sunday 8 Mar 14:00 UTC is EDT (-4).
        var saturday = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("Sun 10:00 - 11:00", new ScheduleWindow("0 14 * * 0", "1h").Render(Zone("US/Eastern"), saturday));
    }

    [Fact]
    public void Render_LondonAcrossDst_MovesWithBritishSummerTime()
    {
        var winter = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var window = new ScheduleWindow("30 23 * * 5", "1h");
        Assert.Equal("Fri 23:30 - 00:30", window.Render(Zone("Europe/London"), winter));
        Assert.Equal("Sat 00:30 - 01:30", window.Render(Zone("Europe/London"), summer));
    }

    [Theory]
    [InlineData("0 9 * * 4", "8h", true)]      // Thu 09:00-17:00, now Thu 12:00
    [InlineData("0 12 * * *", "1h", true)]     // starts exactly now
    [InlineData("0 11 * * *", "1h", false)]    // ended exactly now (end is exclusive)
    [InlineData("0 22 * * 3", "16h", true)]    // Wed 22:00 to Thu 14:00
    [InlineData("0 9 * * 5", "8h", false)]
    [InlineData("0 9 * * 4", "0s", false)]
    [InlineData("invalid", "1h", false)]
    [InlineData("0 9 * * 4", "bogus", false)]
    [InlineData("@daily", "13h", true)]
    public void IsOpen_AtNow_DecidesFromLastFire(string cron, string duration, bool open)
    {
        Assert.Equal(open, new ScheduleWindow(cron, duration).IsOpen(Now));
    }

    [Fact]
    public void IsOpen_SeoulLabelledWindow_OpenAtTheShownLocalTime()
    {
        // "0 20 * * 5" shows as Sat 05:00 - 13:00 in Seoul; Sat 06:00 KST is Fri 21:00 UTC.
        var window = new ScheduleWindow("0 20 * * 5", "8h");
        var saturdaySixSeoul = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));
        Assert.True(window.IsOpen(saturdaySixSeoul));
        Assert.False(window.IsOpen(saturdaySixSeoul.AddHours(-2)));
    }

    [Fact]
    public void NextTransition_Open_ReturnsEnd()
    {
        var window = new ScheduleWindow("0 9 * * 4", "8h");
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), window.NextTransition(Now));
    }

    [Fact]
    public void NextTransition_Closed_ReturnsNextStart()
    {
        var window = new ScheduleWindow("0 9 * * 5", "8h");
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), window.NextTransition(Now));
    }

    [Fact]
    public void NextTransition_BackToBackOccurrences_ReturnsRealEnd()
    {
        // Every day 00:00 for 24h: never closes; the walk is bounded and returns a far end.
        var window = new ScheduleWindow("0 0 * * *", "25h");
        Assert.True(window.NextTransition(Now) > Now.AddDays(100));
    }

    [Fact]
    public void NextTransition_InZone_FridaySeoulEvening()
    {
        Assert.True(TimeZones.TryResolve("Asia/Seoul", out var seoul));
        var window = new ScheduleWindow("0 18 * * 5", "60h", seoul);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), window.NextTransition(Now));
        var saturday = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        Assert.True(window.IsOpen(saturday));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 21, 0, 0, TimeSpan.Zero), window.NextTransition(saturday));
    }
}

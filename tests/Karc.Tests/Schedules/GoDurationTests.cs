using Addons.Karc.Schedules;

namespace Karc.Tests.Schedules;

public class GoDurationTests
{
    [Theory]
    [InlineData("8h", 8 * 60)]
    [InlineData("30m", 30)]
    [InlineData("90m", 90)]
    [InlineData("2h30m", 150)]
    [InlineData("1h15m", 75)]
    [InlineData("1d", 24 * 60)]
    [InlineData("0s", 0)]
    [InlineData("1.5h", 90)]
    [InlineData("1h0m0s", 60)]
    public void TryParse_ValidDuration_ReturnsMinutes(string text, int minutes)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("h")]
    [InlineData("8")]
    [InlineData("8x")]
    [InlineData("-1h")]
    [InlineData("1h 30m")]
    [InlineData("Never")]
    public void TryParse_Malformed_ReturnsFalse(string? text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(150, "2h30m")]
    [InlineData(45, "45m")]
    [InlineData(0, "0s")]
    [InlineData(60 * 60, "60h")]
    public void Format_Duration_PrintsGoStyle(int minutes, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromMinutes(minutes)));
    }
}

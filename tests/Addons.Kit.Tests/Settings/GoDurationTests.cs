using Addons.Kit.Settings;

namespace Addons.Kit.Tests.Settings;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("8h", 8 * 3600)]
    [InlineData("30m", 1800)]
    [InlineData("90m", 5400)]
    [InlineData("2h30m", 9000)]
    [InlineData("1h15m", 4500)]
    [InlineData("1d", 86400)]
    [InlineData("2d", 172800)]
    [InlineData("0s", 0)]
    [InlineData("0", 0)]
    [InlineData("1.5h", 5400)]
    [InlineData("1h0m0s", 3600)]
    [InlineData("90s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData(" 10m ", 600)]
    public void TryParse_ValidDuration_ReturnsSpan(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("h")]
    [InlineData("m")]
    [InlineData("8")]
    [InlineData("8x")]
    [InlineData("10x")]
    [InlineData("-1h")]
    [InlineData("1h 30m")]
    [InlineData("1H")]
    [InlineData("Never")]
    [InlineData("00:00:30")]
    [InlineData("99999999999999999999d")]
    public void TryParse_Malformed_ReturnsFalse(string? text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(150 * 60, "2h30m")]
    [InlineData(45 * 60, "45m")]
    [InlineData(0, "0s")]
    [InlineData(60 * 3600, "60h")]
    [InlineData(25, "25s")]
    [InlineData(1.5, "1.5s")]
    [InlineData(0.25, "250ms")]
    public void Format_Duration_PrintsGoStyle(double seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("2h30m")]
    [InlineData("25s")]
    [InlineData("1.5s")]
    [InlineData("250ms")]
    public void Format_ThenParse_RoundTrips(string text)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(text, GoDuration.Format(duration));
    }
}

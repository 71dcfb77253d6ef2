using Addons.Karc.Schedules;

namespace Karc.Tests.Schedules;

public class DayLabelsTests
{
    [Theory]
    [InlineData("*", "Daily")]
    [InlineData("?", "Daily")]
    [InlineData("0", "Sun")]
    [InlineData("1", "Mon")]
    [InlineData("2", "Tue")]
    [InlineData("3", "Wed")]
    [InlineData("4", "Thu")]
    [InlineData("5", "Fri")]
    [InlineData("6", "Sat")]
    [InlineData("7", "Sun")]
    [InlineData("1-5", "Mon-Fri")]
    [InlineData("2-4", "Tue-Thu")]
    [InlineData("0-6", "Daily")]
    [InlineData("0-7", "Daily")]
    [InlineData("1,3,5", "Mon,Wed,Fri")]
    [InlineData("MON-FRI", "Mon-Fri")]
    [InlineData("sat,sun", "Sat,Sun")]
    public void For_Field_RendersLabel(string field, string expected)
    {
        Assert.Equal(expected, DayLabels.For(field));
    }

    [Theory]
    [InlineData("5", 1, "Sat")]
    [InlineData("6", 1, "Sun")]
    [InlineData("0", -1, "Sat")]
    [InlineData("1-5", 1, "Tue-Sat")]
    [InlineData("1-5", -1, "Sun-Thu")]
    [InlineData("1,3,5", 1, "Tue,Thu,Sat")]
    [InlineData("*", 1, "Daily")]
    public void For_ShiftedDays_MovesEveryDay(string field, int shift, string expected)
    {
        Assert.Equal(expected, DayLabels.For(field, shift));
    }

    [Theory]
    [InlineData("8")]
    [InlineData("x")]
    [InlineData("5-1")]
    [InlineData("")]
    public void For_InvalidField_ReturnsNull(string field)
    {
        Assert.Null(DayLabels.For(field));
    }
}

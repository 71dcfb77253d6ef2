using Addons.Gss.Scanning;

namespace Addons.Gss.Tests.Scanning;

public sealed class WorkflowSlotsTests
{
    [Theory]
    [InlineData(1, 6)]
    [InlineData(10, 60)]
    [InlineData(25, 75)]
    [InlineData(50, 50)]
    [InlineData(100, 100)]
    public void WorkflowSlots_ConcurrentScans_SixTimesWithinOneHundredInFlightButAtLeastTheScans(int scans, int slots)
    {
        Assert.Equal(slots, Scanner.WorkflowSlots(scans));
    }
}

using Addons.Karc.Freezes;

namespace Karc.Tests.Freezes;

public class FreezeEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static FreezeSpec Window(string start, string end) =>
        new() { NodePools = ["general"], Window = new FreezeWindow { Start = start, End = end } };

    [Fact]
    public void Evaluate_WindowWithOffsets_ActiveBetweenStartAndEnd()
    {
        // 27 Nov 00:00 KST is 26 Nov 15:00 UTC.
        var plan = FreezeEvaluator.Evaluate(Window("2026-11-27T00:00:00+09:00", "2026-11-30T00:00:00+09:00"), Now);
        Assert.True(plan.Valid);
        Assert.False(plan.Active);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), plan.NextTransition);

        var during = FreezeEvaluator.Evaluate(Window("2026-11-27T00:00:00+09:00", "2026-11-30T00:00:00+09:00"), Now.AddHours(4));
        Assert.True(during.Active);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero), during.NextTransition);
    }

    [Fact]
    public void Evaluate_WindowOver_NoNextTransition()
    {
        var plan = FreezeEvaluator.Evaluate(Window("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"), Now);
        Assert.True(plan.Valid);
        Assert.False(plan.Active);
        Assert.Null(plan.NextTransition);
        Assert.True(plan.Ended);
        Assert.False(FreezeEvaluator.Evaluate(Window("2026-11-01T00:00:00Z", "2027-11-02T00:00:00Z"), Now).Ended);
    }

    [Fact]
    public void Evaluate_BothWindowAndSchedule_InvalidNamingWindow()
    {
        var spec = Window("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        spec.Schedule = new FreezeSchedule { Cron = "0 0 * * *", Duration = "1h" };
        var plan = FreezeEvaluator.Evaluate(spec, Now);
        Assert.False(plan.Valid);
        Assert.Equal("spec.window", plan.InvalidField);
    }

    [Theory]
    [InlineData("general", true)]
    [InlineData("gpu", false)]
    public void Targets_ByNameOrStar(string pool, bool expected)
    {
        Assert.Equal(expected, FreezeEvaluator.Targets(new FreezeSpec { NodePools = ["general"] }, pool));
        Assert.True(FreezeEvaluator.Targets(new FreezeSpec { NodePools = ["*"] }, pool));
    }

    [Theory]
    [InlineData("spec.schedule.timeZone", "InvalidScheduleTimeZone")]
    [InlineData("spec.nodePools", "InvalidNodePools")]
    [InlineData("spec.window.end", "InvalidWindowEnd")]
    [InlineData("spec", "InvalidSpec")]
    public void ReasonFor_Field_NamesIt(string field, string reason)
    {
        Assert.Equal(reason, FreezeStatusWriter.ReasonFor(field));
    }

    [Fact]
    public void Ownership_ParseAndFormat_SortedDistinct()
    {
        Assert.Equal(["a", "b"], FreezeOwnership.Parse("b, a,b"));
        Assert.Equal("a,b", FreezeOwnership.Format(["b", "a", "a"]));
        Assert.Null(FreezeOwnership.Format([]));
    }
}

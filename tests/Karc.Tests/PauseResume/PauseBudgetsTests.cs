using Addons.Karc.NodePools;
using Addons.Karc.PauseResume;

namespace Karc.Tests.PauseResume;

public class PauseBudgetsTests
{
    [Fact]
    public void IsPause_ExactZeroBudget_True()
    {
        Assert.True(PauseBudgets.IsPause(new Budget { Nodes = "0" }));
        Assert.True(PauseBudgets.IsPause(new Budget { Nodes = "0", Reasons = [] }));
    }

    [Fact]
    public void IsPause_ZeroWithReasons_FalseBecauseItIsTheUsers()
    {
        Assert.False(PauseBudgets.IsPause(new Budget { Nodes = "0", Reasons = ["Underutilized"] }));
    }

    [Fact]
    public void IsPause_ScheduledZero_False()
    {
        Assert.False(PauseBudgets.IsPause(new Budget { Nodes = "0", Schedule = "0 9 * * *", Duration = "8h" }));
        Assert.False(PauseBudgets.IsPause(new Budget { Nodes = "0", Duration = "8h" }));
        Assert.False(PauseBudgets.IsPause(new Budget { Nodes = "0%" }));
    }

    [Fact]
    public void Pause_PrependsKeepingOrder()
    {
        var budgets = new List<Budget> { new() { Nodes = "20%" }, new() { Nodes = "0", Schedule = "0 9 * * *", Duration = "8h" } };
        var paused = PauseBudgets.Pause(budgets);
        Assert.Equal(["0", "20%", "0"], paused.Select(b => b.Nodes));
        Assert.True(PauseBudgets.IsPause(paused[0]));
        Assert.Same(budgets[1], paused[2]);
    }

    [Fact]
    public void Pause_NoBudgets_OnlyPause()
    {
        Assert.Equal(["0"], PauseBudgets.Pause(null).Select(b => b.Nodes));
        Assert.Equal(["0"], PauseBudgets.Pause([]).Select(b => b.Nodes));
    }

    [Fact]
    public void Resume_RemovesOnlyPauseBudgets()
    {
        var user = new Budget { Nodes = "0", Reasons = ["Underutilized"] };
        var scheduled = new Budget { Nodes = "0", Schedule = "0 9 * * *", Duration = "8h" };
        var resumed = PauseBudgets.Resume([new Budget { Nodes = "0" }, user, new Budget { Nodes = "0" }, scheduled]);
        Assert.Equal([user, scheduled], resumed);
    }

    [Fact]
    public void Resume_NothingLeft_WritesTenPercent()
    {
        var resumed = PauseBudgets.Resume([new Budget { Nodes = "0" }]);
        var only = Assert.Single(resumed);
        Assert.Equal("10%", only.Nodes);
        Assert.Null(only.Schedule);
    }

    [Fact]
    public void IsPaused_UserZeroBudgetOnly_False()
    {
        Assert.False(PauseBudgets.IsPaused([new Budget { Nodes = "0", Reasons = ["Drifted"] }]));
        Assert.False(PauseBudgets.IsPaused(null));
        Assert.True(PauseBudgets.IsPaused([new Budget { Nodes = "5" }, new Budget { Nodes = "0" }]));
    }
}

using Addons.Karc.NodePools;
using Addons.Karc.Status;

namespace Karc.Tests.Status;

public class BudgetViewTests
{
    [Fact]
    public void Summary_NoBudgets_TenPercent()
    {
        Assert.Equal("10%", BudgetView.Summary(null));
        Assert.Equal("10%", BudgetView.Summary([]));
    }

    [Fact]
    public void Summary_SkipsPauseAndScheduled()
    {
        Budget[] budgets =
        [
            new() { Nodes = "0" },
            new() { Nodes = "0", Schedule = "0 9 * * *", Duration = "8h" },
            new() { Nodes = "5" },
            new() { Nodes = "20%" },
        ];
        Assert.Equal("5", BudgetView.Summary(budgets));
    }

    [Fact]
    public void Summary_OnlyScheduled_TenPercent()
    {
        Assert.Equal("10%", BudgetView.Summary([new Budget { Nodes = "0", Schedule = "0 9 * * *", Duration = "8h" }]));
    }

    [Fact]
    public void Summary_UserZeroWithReasons_Counts()
    {
        Assert.Equal("0", BudgetView.Summary([new Budget { Nodes = "0", Reasons = ["Underutilized"] }]));
    }

    [Fact]
    public void ReasonCells_NoReasons_AllFour()
    {
        Assert.Equal(["2", "2", "2", "2"], BudgetView.ReasonCells(new Budget { Nodes = "2" }));
    }

    [Fact]
    public void ReasonCells_SomeReasons_CaseInsensitive()
    {
        var budget = new Budget { Nodes = "0", Reasons = ["underutilized", "EMPTY"] };
        Assert.Equal(["0", "-", "0", "-"], BudgetView.ReasonCells(budget));
    }

    [Fact]
    public void ReasonCells_UnknownReason_Dashes()
    {
        Assert.Equal(["-", "-", "-", "-"], BudgetView.ReasonCells(new Budget { Nodes = "1", Reasons = ["Bogus"] }));
    }

    [Fact]
    public void FallbackCells_NoUnscheduled_Infinity()
    {
        Assert.Equal(["∞", "∞", "∞", "∞"], BudgetView.FallbackCells([new Budget { Nodes = "0", Schedule = "0 9 * * *", Duration = "1h" }, new Budget { Nodes = "0" }]));
    }

    [Fact]
    public void FallbackCells_FirstUnscheduled_UsesItsReasons()
    {
        Budget[] budgets =
        [
            new() { Nodes = "0", Schedule = "0 9 * * *", Duration = "1h" },
            new() { Nodes = "3", Reasons = ["Drifted"] },
            new() { Nodes = "9" },
        ];
        Assert.Equal(["-", "3", "-", "-"], BudgetView.FallbackCells(budgets));
    }
}

using Addons.Kit.LeaderElection;

namespace Addons.Kit.Tests.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Validate_Defaults_RequireOnlyLeaseName()
    {
        Assert.Contains("LeaderElection:LeaseName is required", new LeaderElectionOptions().Validate(), StringComparison.Ordinal);
        Assert.Null(new LeaderElectionOptions { LeaseName = "x" }.Validate());
    }

    [Theory]
    [InlineData(15, 15, 2, "LeaderElection:LeaseDuration")]
    [InlineData(15, 2, 2, "LeaderElection:RenewDeadline")]
    [InlineData(15, 10, 0, "LeaderElection:RetryPeriod")]
    public void Validate_OutOfOrderDurations_NamesTheSetting(int lease, int renew, int retry, string setting)
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = "x",
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        Assert.StartsWith(setting, options.Validate(), StringComparison.Ordinal);
    }
}

using Addons.Gss.Tests.Service;
using Addons.Kit.Testing.GitHub;

namespace Addons.Gss.Tests.Service;

public sealed class ConsoleRunTests
{
    [Fact]
    public async Task Run_DefaultPublisher_PrintsTableWithFooter()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var github = await GitHubEmulator.StartAsync(new GitHubEmulatorOptions { Token = GssRun.Token }, cts.Token);
        var profile = GitHubOrgGenerator.Populate(github, "acme", 20);

        var result = await GssRun.RunAsync(GssRun.Environment(github), cts.Token);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains("NO  REPOSITORY", result.Output, StringComparison.Ordinal);
        Assert.Contains("Asia/Seoul SCHEDULE", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Total: {profile.Scheduled} scheduled workflows found in {20 - profile.Archived} repositories (0 excluded)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_PrintsEverySettingAndExitCodes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var result = await GssRun.RunAsync([], cts.Token, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--concurrent-scans [CONCURRENT_SCANS]", result.Output, StringComparison.Ordinal);
        Assert.Contains("3 published, but some repositories could not be scanned", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownFlag_Exit2()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var result = await GssRun.RunAsync([], cts.Token, "--bogus=1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gss: unknown argument '--bogus'", result.Errors, StringComparison.Ordinal);
    }
}

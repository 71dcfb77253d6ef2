namespace Addons.Kit.Tests.Hosting;

/// <summary>The documented process contract: <c>--version</c>, configuration errors (exit 2, one line).</summary>
public sealed class AddonHostProcessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Version_Flag_PrintsVersionAndCommitAndExits0()
    {
        await using var host = MinimalHostProcess.Start("--version");

        var code = await host.WaitForExitAsync(Bound);

        Assert.Equal(0, code);
        var line = Assert.Single(host.StdoutLines);
        Assert.Matches(@"^minimal-host \d+\.\d+\.\d+\S* \(commit [0-9a-f]{7,}\)$", line);
    }

    [Theory]
    [InlineData("--Health:Port=70000", "Health:Port")]
    [InlineData("--health-port=abc", "Health:Port")]
    [InlineData("--log-level=Loud", "Logging:Level")]
    [InlineData("--Shutdown:DrainTimeout=00:01:00", "Shutdown:DrainTimeout")]
    [InlineData("--kubeconfig=/nonexistent/kubeconfig", "Kubernetes")]
    public async Task BadSetting_Exits2WithOneLineNamingTheSetting(string flag, string setting)
    {
        await using var host = MinimalHostProcess.Start(flag);

        var code = await host.WaitForExitAsync(Bound);

        Assert.Equal(2, code);
        var line = Assert.Single(host.StderrLines);
        Assert.StartsWith("configuration error: " + setting, line, StringComparison.Ordinal);
        Assert.Empty(host.StdoutLines);
    }

    [Fact]
    public async Task BadEnumSetting_LineListsAcceptedValues()
    {
        await using var host = MinimalHostProcess.Start("--log-format=xml");

        Assert.Equal(2, await host.WaitForExitAsync(Bound));
        Assert.Equal("configuration error: Logging:Format: accepted values: auto, json, text", Assert.Single(host.StderrLines));
    }
}

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
    [InlineData("--health-port=abc", "--health-port: invalid value \"abc\"; accepted values: an integer from 0 to 65535 (0 = off)")]
    [InlineData("--log-level=Loud", "--log-level: invalid value \"Loud\"; accepted values: trace, debug, info, warn, error, fatal or off")]
    [InlineData("--shutdown-timeout=forever", "--shutdown-timeout: invalid value \"forever\"; accepted values: a duration such as")]
    [InlineData("--leader-elect=maybe", "--leader-elect: invalid value \"maybe\"; accepted values: true, false, 1 or 0")]
    [InlineData("--lease-name", "--lease-name: missing value")]
    [InlineData("--no-such-flag", "--no-such-flag: unknown flag; accepted flags: --log-level, --log-format, --health-port,")]
    [InlineData("stray", "\"stray\": unexpected argument")]
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
        Assert.Equal("configuration error: --log-format: invalid value \"xml\"; accepted values: auto, json or text", Assert.Single(host.StderrLines));
    }

    [Fact]
    public async Task BadSectionKeySetting_OptionsValidationStillNamesTheKey()
    {
        await using var host = MinimalHostProcess.Start("--Logging:Format=xml");

        Assert.Equal(2, await host.WaitForExitAsync(Bound));
        Assert.Equal("configuration error: Logging:Format: accepted values: auto, json, text", Assert.Single(host.StderrLines));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_NoClusterNoKubeconfig_ListsEveryKitFlagAndExits0(string flag)
    {
        // A kubeconfig that does not exist, and no cluster: help must not need either.
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = "/nonexistent/kubeconfig", ["HOME"] = "/nonexistent" };
        await using var host = MinimalHostProcess.Start(environment, flag, "--health-port=abc");

        var code = await host.WaitForExitAsync(Bound);

        Assert.Equal(0, code);
        Assert.Empty(host.StderrLines);
        var help = string.Join('\n', host.StdoutLines);
        Assert.StartsWith("Usage: minimal-host [flags]", help, StringComparison.Ordinal);
        foreach (var kitFlag in (string[])["--log-level", "--log-format", "--health-port", "--shutdown-timeout", "--kubeconfig", "--context", "--leader-elect", "--lease-name", "--lease-namespace", "--version"])
        {
            Assert.Contains(kitFlag, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_NoKubeconfig_Exits0()
    {
        await using var host = MinimalHostProcess.Start(new Dictionary<string, string> { ["KUBECONFIG"] = "/nonexistent/kubeconfig" }, "-V");

        Assert.Equal(0, await host.WaitForExitAsync(Bound));
        Assert.StartsWith("minimal-host ", Assert.Single(host.StdoutLines), StringComparison.Ordinal);
    }
}

using Addons.Kit.Shutdown;
using Addons.Karc.Cli;
using Addons.Karc.Freezes;
using Addons.Kit.Testing.Emulator;

namespace Karc.Tests.Cli;

/// <summary>Issue 11 items 8 and 12: bad data from the API server (or a proxy) gives one redacted line and exit 1,
/// never a stack trace; the controller survives it at start-up.</summary>
public class BadApiResponseTests
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "<html><body>502 Bad Gateway</body></html>", "text/html", "error: invalid response to list nodepools: an HTML/XML page, not JSON" },
        { "garbage", "application/json", "error: invalid response to list nodepools: not JSON" },
        { "{\"items\":[{\"metadata\":{\"name\":\"a\"},\"spec\":", "application/json", "error: invalid response to list nodepools: malformed or unexpected JSON" },
        { "{\"items\":[null]}", "application/json", "error: invalid response to list nodepools: malformed or unexpected JSON: null item in list" },
        { "{\"items\":[{\"metadata\":{\"name\":[1]}}]}", "application/json", "error: invalid response to list nodepools: malformed or unexpected JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Status_BadListBody_OneLineExit1(string body, string contentType, string expected)
    {
        await using var cluster = await KarcCluster.StartAsync();
        cluster.Api.Faults.AddResponse(new FaultResponse { Verb = "list", Resource = "nodepools", Body = body, ContentType = contentType });

        var result = await cluster.RunAsync(["status"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Status_400MegabyteList_RefusedAtTheCap(bool sendContentLength)
    {
        await using var cluster = await KarcCluster.StartAsync();
        cluster.Api.Faults.AddResponse(new FaultResponse
        {
            Verb = "list",
            Resource = "nodepools",
            Body = "{\"kind\":\"NodePoolList\",\"items\":[",
            Repeat = "{\"metadata\":{\"name\":\"pool-with-a-rather-long-name-000000000000000000000000000000\"},\"spec\":{}},",
            RepeatCount = 4_000_000,
            Suffix = "{\"metadata\":{\"name\":\"last\"}}]}",
            SendContentLength = sendContentLength,
        });

        var result = await cluster.RunAsync(["status"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: invalid response to list nodepools: the body is ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("above the 33,554,432-byte limit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ExecPluginFails_OneLineExit1()
    {
        await using var cluster = await KarcCluster.StartAsync();
        var text = cluster.Api.KubeconfigText("emulator");
        var user = text.Contains("  user: {}", StringComparison.Ordinal) ? "  user: {}" : throw new InvalidOperationException("unexpected kubeconfig:\n" + text);
        await File.WriteAllTextAsync(cluster.Kubeconfig, text.Replace(user,
            "  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: /bin/sh\n      args: [\"-c\", \"echo 'token expired, run aws sso login' >&2; exit 255\"]",
            StringComparison.Ordinal));

        var result = await cluster.RunAsync(["status"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("exec plugin '/bin/sh' exited with code 255: token expired, run aws sso login", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Status_ForbiddenMessageEchoesToken_PrintedRedacted()
    {
        await using var cluster = await KarcCluster.StartAsync();
        cluster.Api.Faults.AddResponse(new FaultResponse
        {
            Verb = "list",
            Resource = "nodepools",
            StatusCode = 403,
            Body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403," +
                "\"message\":\"denied by proxy: request had Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLXNpZw\\nand token=s3cr3t\"}",
        });

        var result = await cluster.RunAsync(["status"]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.DoesNotContain("eyJ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Authorization: [REDACTED]", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Controller_HtmlPageFromProxyAtStartup_KeepsRunningAndStopsCleanly()
    {
        await using var cluster = await KarcCluster.StartAsync();
        var html = cluster.Api.Faults.AddResponse(new FaultResponse { Verb = "list", Resource = "nodepools", Body = "<html>502</html>", ContentType = "text/html" });
        using var stop = new CancellationTokenSource(KarcCluster.Timeout);
        var options = KarcSettings.Definition.Parse(["controller", "--kubeconfig", cluster.Kubeconfig, "--health-port", "0", "--log-level", "Error", "--lease-namespace", "default"], _ => null);

        var host = ControllerHost.RunAsync(options, stop.Token);

        // The watch's list gets the page, reports it and retries (twice here); the host must still be running after both.
        while (html.Hits < 2)
        {
            Assert.False(host.IsCompleted, "the controller host stopped: " + host.Exception?.GetBaseException().Message);
            await Task.Delay(25, stop.Token);
        }

        Assert.False(host.IsCompleted);
        await stop.CancelAsync();
        Assert.Equal(0, await host.WaitAsync(KarcCluster.Timeout));
    }
}

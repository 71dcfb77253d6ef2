namespace Karc.Tests.Status;

public class StatusEmulatorTests
{
    private static async Task<KarcCluster> SeededAsync()
    {
        var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"0"},{"nodes":"20%"}]""", weight: 10);
        await cluster.SeedPoolAsync("batch", """[{"nodes":"0","schedule":"0 9 * * 5","duration":"8h","reasons":["Underutilized"]},{"nodes":"5"}]""");
        await cluster.SeedPoolAsync("gpu", """[{"nodes":"2","schedule":"0 9 * * 4","duration":"8h"}]""", weight: 50);
        await cluster.SeedClaimAsync("general-1", "general");
        await cluster.SeedClaimAsync("general-2", "general");
        await cluster.SeedClaimAsync("gpu-1", "gpu");
        return cluster;
    }

    [Fact]
    public async Task Status_SeededCluster_PrintsHeaderTableAndTimetable()
    {
        await using var cluster = await SeededAsync();

        var result = await cluster.RunAsync(["status", "--timezone", "UTC"]);

        Assert.Equal(0, result.ExitCode);
        const string expected = """
            NodePools/karpenter.sh/v1 (context: emulator, 3 nodepools, 3 nodeclaims):
            NODEPOOL   WEIGHT   POLICY                     AFTER   BUDGETS   NODECLAIMS   STATE
            batch      -        WhenEmptyOrUnderutilized   0s      5         0            Active
            general    10       WhenEmptyOrUnderutilized   0s      20%       2            Paused
            gpu        50       WhenEmptyOrUnderutilized   0s      10%       1            Active

            Disruption Schedules (UTC):
            NODEPOOL   WINDOW              DUR   EMPTY   DRIFTED   UNDERUTILIZED   EXPIRED   STATE
            batch      Fri 09:00 - 17:00   8h    -       -         0               -         -
            batch      Fallback            -     5       5         5               5         Active
            gpu        Thu 09:00 - 17:00   8h    2       2         2               2         Active

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Status_OneNodePool_CountsOnlyItsClaims()
    {
        await using var cluster = await SeededAsync();

        var result = await cluster.RunAsync(["status", "general", "--timezone", "Asia/Seoul"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("NodePools/karpenter.sh/v1 (context: emulator, 1 nodepools, 2 nodeclaims):\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_SeoulZone_ShiftsWindows()
    {
        await using var cluster = await SeededAsync();
        var result = await cluster.RunAsync(["status", "batch", "--timezone", "Asia/Seoul"]);
        Assert.Contains("Disruption Schedules (Asia/Seoul):", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fri 18:00 - 02:00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownContext_Exit2NamingIt()
    {
        await using var cluster = await KarcCluster.StartAsync();
        var result = await cluster.RunAsync(["status", "--context", "nope"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("context 'nope' not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownNodePool_Exit1()
    {
        await using var cluster = await SeededAsync();
        var result = await cluster.RunAsync(["status", "nope"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NodePool 'nope' not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_IsMachineReadable()
    {
        await using var cluster = await SeededAsync();
        var result = await cluster.RunAsync(["status", "-o", "json"]);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!;
        Assert.Equal(3, doc["nodePools"]!.AsArray().Count);
        Assert.Equal("Paused", doc["nodePools"]![1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_Yaml_Renders()
    {
        await using var cluster = await SeededAsync();
        var result = await cluster.RunAsync(["status", "-o", "yaml"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("- name: general\n  weight: 10\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_MalformedNodePool_DoesNotCrash()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.Api.ApplyYamlAsync("""
            {"apiVersion":"karpenter.sh/v1","kind":"NodePool","metadata":{"name":"odd"},
             "spec":{"weight":"heavy","disruption":{"consolidateAfter":30,"budgets":[{"nodes":"1","schedule":"whenever","duration":"soon"},"junk",{"nodes":2,"schedule":"0 9 * * 9","duration":"1h"}]}}}
            """, CancellationToken.None);

        var result = await cluster.RunAsync(["status", "-o", "wide"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("whenever + soon", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 9 * * 9 + 1h", result.Stdout, StringComparison.Ordinal);
    }
}

public class StatusFreezesEmulatorTests
{
    [Fact]
    public async Task Status_WithFreezes_ListsThemAndWhatTheyHold()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"0"},{"nodes":"20%"}]""");
        await cluster.Api.ApplyYamlAsync("""
            apiVersion: karc.io/v1alpha1
            kind: ConsolidationFreeze
            metadata: {name: release}
            spec:
              nodePools: [general]
              window: {start: "2026-11-26T00:00:00Z", end: "2026-11-27T00:00:00Z"}
            status:
              active: true
              pausedNodePools: [general]
              nextTransition: "2026-11-27T00:00:00Z"
              conditions:
              - {type: Ready, status: "True", reason: Valid, message: ok}
            """, CancellationToken.None);

        var result = await cluster.RunAsync(["status", "--timezone", "Asia/Seoul"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Consolidation Freezes:\nFREEZE    NODEPOOLS   HOLDING   NEXT               STATE\nrelease   general     general   2026-11-27 09:00   Active\n",
            result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OneOffFreezeWindowEnded_ShowsEndedWithoutStaleNext()
    {
        // The controller last wrote the status while the window was open; the CLI's clock (2026-11-26 12:00 UTC) is past its end.
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        await cluster.Api.ApplyYamlAsync("""
            apiVersion: karc.io/v1alpha1
            kind: ConsolidationFreeze
            metadata: {name: release}
            spec:
              nodePools: [general]
              window: {start: "2026-11-25T00:00:00Z", end: "2026-11-26T00:00:00Z"}
            status:
              active: false
              nextTransition: "2026-11-26T00:00:00Z"
              conditions:
              - {type: Ready, status: "True", reason: Valid, message: ok}
            """, CancellationToken.None);

        var table = await cluster.RunAsync(["status", "--timezone", "UTC"]);
        var json = await cluster.RunAsync(["status", "-o", "json"]);

        Assert.Equal(0, table.ExitCode);
        var row = Assert.Single(table.Stdout.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("release ", StringComparison.Ordinal));
        Assert.EndsWith(" Ended", row, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", row, StringComparison.Ordinal);
        Assert.Contains("\"ended\": true", json.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("nextTransition\": \"2026", json.Stdout, StringComparison.Ordinal);
    }
}

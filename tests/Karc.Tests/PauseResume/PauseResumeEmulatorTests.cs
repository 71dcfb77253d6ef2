using System.Text.Json.Nodes;

namespace Karc.Tests.PauseResume;

public class PauseResumeEmulatorTests
{
    private const string Scheduled = """[{"nodes":"0","schedule":"0 9 * * 5","duration":"8h"},{"nodes":"0","schedule":"0 22 * * *","duration":"4h","reasons":["Drifted"]}]""";
    private const string UserZero = """[{"nodes":"0","reasons":["Underutilized"]}]""";

    [Theory]
    [InlineData(null, """[{"nodes":"0"}]""")]
    [InlineData("[]", """[{"nodes":"0"}]""")]
    [InlineData(Scheduled, """[{"nodes":"0"},{"nodes":"0","schedule":"0 9 * * 5","duration":"8h"},{"nodes":"0","schedule":"0 22 * * *","duration":"4h","reasons":["Drifted"]}]""")]
    [InlineData(UserZero, """[{"nodes":"0"},{"nodes":"0","reasons":["Underutilized"]}]""")]
    [InlineData("""[{"nodes":"20%"}]""", """[{"nodes":"0"},{"nodes":"20%"}]""")]
    public async Task Pause_Budgets_PrependsPauseKeepingOthers(string? budgets, string expected)
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", budgets);

        var result = await cluster.RunAsync(["pause", "general", "--yes"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Paused consolidation for NodePool 'general'\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(expected, cluster.Budgets("general"));
    }

    [Theory]
    [InlineData("""[{"nodes":"0"}]""", """[{"nodes":"10%"}]""")]
    [InlineData("""[{"nodes":"0"},{"nodes":"0","reasons":["Underutilized"]}]""", UserZero)]
    [InlineData("""[{"nodes":"0"},{"nodes":"0","schedule":"0 9 * * 5","duration":"8h"},{"nodes":"0","schedule":"0 22 * * *","duration":"4h","reasons":["Drifted"]}]""", Scheduled)]
    [InlineData("""[{"nodes":"5"},{"nodes":"0"},{"nodes":"0"}]""", """[{"nodes":"5"}]""")]
    public async Task Resume_Paused_RemovesOnlyPauseBudgets(string budgets, string expected)
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", budgets);

        var result = await cluster.RunAsync(["resume", "general", "-y"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Resumed consolidation for NodePool 'general'\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(expected, cluster.Budgets("general"));
    }

    [Fact]
    public async Task Pause_AlreadyPaused_WarnsAndWritesNothing()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"0"}]""");
        var before = cluster.ResourceVersionOf("general");

        var result = await cluster.RunAsync(["pause", "general", "--yes"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("NodePool 'general' is already paused", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Equal(before, cluster.ResourceVersionOf("general"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(UserZero)]
    [InlineData(Scheduled)]
    public async Task Resume_NotPaused_WarnsAndWritesNothing(string? budgets)
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", budgets);
        var before = cluster.ResourceVersionOf("general");

        var result = await cluster.RunAsync(["resume", "general", "--yes"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("NodePool 'general' is not paused", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, cluster.ResourceVersionOf("general"));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("All")]
    public async Task Pause_All_PausesEveryNodePoolInNameOrder(string target)
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("b", null);
        await cluster.SeedPoolAsync("a", """[{"nodes":"0"}]""");
        await cluster.SeedPoolAsync("c", UserZero);

        var result = await cluster.RunAsync(["pause", target, "--yes"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Paused consolidation for NodePool 'b'\nPaused consolidation for NodePool 'c'\n", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("NodePool 'a' is already paused", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("""[{"nodes":"0"}]""", cluster.Budgets("a"));
        Assert.Equal("""[{"nodes":"0"}]""", cluster.Budgets("b"));
        Assert.Equal("""[{"nodes":"0"},{"nodes":"0","reasons":["Underutilized"]}]""", cluster.Budgets("c"));
    }

    [Fact]
    public async Task Pause_ConcurrentEditBetweenReadAndWrite_RetriesAndKeepsTheOtherEdit()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"20%"}]""");
        var edits = 0;

        var result = await cluster.RunAsync(["pause", "general", "--yes", "--log-level", "info"], beforeWrite: async (name, ct) =>
        {
            if (edits++ == 0)
            {
                // Someone else adds a budget after karc read the NodePool.
                await cluster.SeedPoolAsync(name, """[{"nodes":"20%"},{"nodes":"3","reasons":["Drifted"]}]""", ct: ct);
            }
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, edits);
        Assert.Contains("changed since it was read", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("""[{"nodes":"0"},{"nodes":"20%"},{"nodes":"3","reasons":["Drifted"]}]""", cluster.Budgets("general"));
    }

    [Fact]
    public async Task Pause_ConflictEveryTime_GivesUpWithExit1()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", null);
        var edits = 0;

        var result = await cluster.RunAsync(["pause", "general", "--yes"], beforeWrite: async (name, ct) =>
        {
            edits++;
            await cluster.SeedPoolAsync(name, $$"""[{"nodes":"{{edits}}"}]""", ct: ct);
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(5, edits);
        Assert.Contains("Could not pause NodePool 'general'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_V1beta1OnlyCluster_FallsBackAndWrites()
    {
        await using var cluster = await KarcCluster.StartAsync("v1beta1");
        await cluster.SeedPoolAsync("legacy", null, version: "v1beta1");

        var pause = await cluster.RunAsync(["pause", "legacy", "--yes"]);
        var status = await cluster.RunAsync(["status"]);

        Assert.Equal(0, pause.ExitCode);
        Assert.Equal("""[{"nodes":"0"}]""", cluster.Budgets("legacy", "v1beta1"));
        Assert.StartsWith("NodePools/karpenter.sh/v1beta1 (context: emulator, 1 nodepools, 0 nodeclaims):", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_NoKarpenter_Exit1NamesTheMissingResource()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await using var bare = await Addons.Kit.Testing.Emulator.KubeApiEmulator.StartAsync(null, CancellationToken.None);
        var path = Path.Combine(Path.GetDirectoryName(cluster.Kubeconfig)!, "bare");
        bare.WriteKubeconfig(path);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Addons.Karc.Cli.KarcCli.RunAsync(["status"], new Addons.Karc.Cli.CliRuntime
        {
            Console = new Addons.Karc.Cli.CliConsole { Out = stdout, Error = stderr, In = new StringReader(""), Environment = _ => null },
            Connect = (_, c) => Addons.Kit.Kubernetes.Config.KubeConnection.FromKubeconfig(path, c),
        }, CancellationToken.None).WaitAsync(KarcCluster.Timeout);

        Assert.Equal(1, code);
        Assert.Contains("nodepools.karpenter.sh is not served", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_Forbidden_ReportsPermissionErrorNamingVerbAndResource()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", null);
        await cluster.Api.ApplyYamlAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules:
            - apiGroups: [karpenter.sh]
              resources: [nodepools, nodeclaims]
              verbs: [get, list]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects:
            - {kind: ServiceAccount, name: reader, namespace: default}
            """, CancellationToken.None);
        cluster.Api.Rbac.Enabled = true;
        var token = cluster.Api.Rbac.IssueToken("default", "reader");

        var result = await cluster.RunAsync(["pause", "general", "--yes"], token: token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("permission denied: cannot patch nodepools 'general'", result.Stderr, StringComparison.Ordinal);
        Assert.Null(cluster.Budgets("general"));
    }

    [Fact]
    public async Task Status_ForbiddenList_IsAPermissionErrorNotCrdNotFound()
    {
        await using var cluster = await KarcCluster.StartAsync();
        cluster.Api.Rbac.Enabled = true;
        var token = cluster.Api.Rbac.IssueToken("default", "nobody");

        var result = await cluster.RunAsync(["status"], token: token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("permission denied: cannot list nodepools", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not served", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_DryRun_PrintsAndWritesNothing()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", null);
        await cluster.SeedPoolAsync("gpu", """[{"nodes":"0"}]""");
        var before = cluster.Api.ResourceVersion;

        var pause = await cluster.RunAsync(["pause", "all", "--dry-run"]);
        var resume = await cluster.RunAsync(["resume", "all", "--dry-run"]);

        Assert.Equal(0, pause.ExitCode);
        Assert.Equal("[DRY RUN] Would pause NodePool 'general'\n", pause.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal("[DRY RUN] Would resume NodePool 'gpu'\n", resume.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(before, cluster.Api.ResourceVersion);
    }

    [Fact]
    public async Task Pause_NoTtyNoYes_RefusesWithExit2AndWritesNothing()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", null);

        var result = await cluster.RunAsync(["pause", "general"], tty: false);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stdin is not a terminal (pass --yes)", result.Stderr, StringComparison.Ordinal);
        Assert.Null(cluster.Budgets("general"));
    }

    [Theory]
    [InlineData("n\n", null)]
    [InlineData("\n", null)]
    [InlineData("", null)]
    [InlineData("y\n", """[{"nodes":"0"}]""")]
    [InlineData("YES\n", """[{"nodes":"0"}]""")]
    public async Task Pause_TtyPrompt_DefaultsToNo(string answer, string? expected)
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", null);

        var result = await cluster.RunAsync(["pause", "general"], input: answer, tty: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Pause consolidation for NodePool 'general'? [y/N]", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(expected, cluster.Budgets("general"));
    }

    [Fact]
    public async Task Pause_UnknownNodePool_Exit1()
    {
        await using var cluster = await KarcCluster.StartAsync();
        var result = await cluster.RunAsync(["pause", "nope", "--yes"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NodePool 'nope' not found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_KeepsUnknownBudgetFields()
    {
        await using var cluster = await KarcCluster.StartAsync();
        await cluster.SeedPoolAsync("general", """[{"nodes":"1","futureField":{"x":1}}]""");
        await cluster.RunAsync(["pause", "general", "--yes"]);
        var budgets = JsonNode.Parse(cluster.Budgets("general")!)!.AsArray();
        Assert.Equal(1, budgets[1]!["futureField"]!["x"]!.GetValue<int>());
    }
}

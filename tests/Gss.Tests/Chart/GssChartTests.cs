using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator;

namespace Addons.Gss.Tests.Chart;

/// <summary>charts/gss with the real helm and kubectl against the Kubernetes API emulator.</summary>
public sealed class GssChartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gss-chart-").FullName;

    private static string Chart => Path.Combine(Addons.Gss.Tests.Chart.Tool.RepoRoot, "charts", "gss");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Install_DefaultValues_ManualJobFromCronJobHasAPodSpecThatStarts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        var tool = ToolFor(api);

        var install = await tool.HelmAsync(cts.Token, "install", "scan", Chart, "--namespace", "tools", "--create-namespace");
        var job = await tool.KubectlAsync(cts.Token, "-n", "tools", "create", "job", "--from=cronjob/scan-gss", "scan-now");

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.True(job.ExitCode == 0, job.Output);
        var created = api.Get("batch", "v1", "jobs", "tools", "scan-now")!;
        Assert.Equal(1, created["spec"]!["backoffLimit"]!.GetValue<long>());
        Assert.Equal(1800, created["spec"]!["activeDeadlineSeconds"]!.GetValue<long>());
        var cron = api.Get("batch", "v1", "cronjobs", "tools", "scan-gss")!;
        var pod = cron["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!;
        AssertJobCarriesThePodSpec(created, pod);
        AssertEveryReferenceResolves(api, "tools", pod);
        Assert.Equal("0 1 * * *", cron["spec"]!["schedule"]!.GetValue<string>());
        Assert.Equal("Forbid", cron["spec"]!["concurrencyPolicy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Install_TwoReleasesInOneNamespace_DoNotCollideAndKeepSecretsOutOfConfigMaps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        var tool = ToolFor(api);
        const string token = "ghp_chart_secret_value";
        const string slackToken = "xoxb-chart-secret";

        var first = await tool.HelmAsync(cts.Token, "install", "team-a", Chart, "--namespace", "tools", "--create-namespace",
            "--set", "github.org=team-a", "--set", "github.baseUrl=https://ghe.example.com", "--set", "github.token=" + token,
            "--set", "publisher=slack-canvas", "--set", "slack.token=" + slackToken, "--set", "slack.channelId=C1", "--set", "slack.canvasId=F1",
            "--set", "excludeRepos={legacy,sandbox}");
        var second = await tool.HelmAsync(cts.Token, "install", "team-b", Chart, "--namespace", "tools",
            "--set", "github.org=team-b", "--set", "github.baseUrl=https://ghe.example.com", "--set", "github.token=" + token);
        var job = await tool.KubectlAsync(cts.Token, "-n", "tools", "create", "job", "--from=cronjob/team-a-gss", "team-a-now");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(job.ExitCode == 0, job.Output);
        Assert.Equal(["team-a-gss", "team-b-gss"], api.List("batch", "v1", "cronjobs", "tools").Select(Name).Order(StringComparer.Ordinal));
        Assert.Equal(["team-a-gss-github", "team-a-gss-slack", "team-b-gss-github"], api.List("", "v1", "secrets", "tools").Select(Name).Where(n => !n.StartsWith("sh.helm.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var configMaps = api.List("", "v1", "configmaps", "tools").Where(c => Name(c).EndsWith("-exclude", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, configMaps.Count);
        Assert.All(configMaps, c => Assert.DoesNotContain("secret", c.ToJsonString(), StringComparison.Ordinal));
        var exclude = configMaps.Single(c => Name(c) == "team-a-gss-exclude")["data"]!["exclude-repos.txt"]!.GetValue<string>();
        Assert.Equal(["legacy", "sandbox"], Addons.Gss.Configuration.ExcludeList.Parse(exclude.Split('\n')).Order(StringComparer.Ordinal));
        var pod = api.Get("batch", "v1", "cronjobs", "tools", "team-a-gss")!["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!;
        AssertJobCarriesThePodSpec(api.Get("batch", "v1", "jobs", "tools", "team-a-now")!, pod);
        AssertEveryReferenceResolves(api, "tools", pod);
        var env = pod["containers"]![0]!["env"]!.AsArray();
        Assert.Equal("team-a-gss-slack", env.Single(e => e!["name"]!.GetValue<string>() == "SLACK_TOKEN")!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(token, pod.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_UnknownPublisher_FailsNamingTheValue()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var tool = new Tool(_dir, Path.Combine(_dir, "none"));

        var result = await tool.HelmAsync(cts.Token, "template", "x", Chart, "--set", "publisher=email");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("publisher: accepted values are console, slack-canvas, slack-webhook, json, markdown", result.Output, StringComparison.Ordinal);
    }

    private Tool ToolFor(KubeApiEmulator api)
    {
        var kubeconfig = Path.Combine(_dir, "kubeconfig");
        api.WriteKubeconfig(kubeconfig);
        return new Tool(_dir, kubeconfig);
    }

    private static string Name(JsonObject o) => o["metadata"]!["name"]!.GetValue<string>();

    /// <summary>
    /// The Job kubectl made from the CronJob runs the same container with the same environment. (Compared by
    /// names: kubectl sends the Job as protobuf and the emulator's decoding keeps Go's embedded-struct names
    /// such as localObjectReference, so the Job's own references are checked through the CronJob's template.)
    /// </summary>
    private static void AssertJobCarriesThePodSpec(JsonNode job, JsonNode pod)
    {
        var jobPod = job["spec"]!["template"]!["spec"]!;
        Assert.Equal("Never", jobPod["restartPolicy"]!.GetValue<string>());
        Assert.Equal(pod["containers"]![0]!["image"]!.GetValue<string>(), jobPod["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(
            pod["containers"]![0]!["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()),
            jobPod["containers"]![0]!["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
    }

    /// <summary>What the kubelet needs before a container starts: every Secret/ConfigMap and key the pod names exists.</summary>
    private static void AssertEveryReferenceResolves(KubeApiEmulator api, string ns, JsonNode pod)
    {
        foreach (var env in pod["containers"]![0]!["env"]!.AsArray())
        {
            if (env!["valueFrom"]?["secretKeyRef"] is { } reference)
            {
                var secret = api.Get("", "v1", "secrets", ns, reference["name"]!.GetValue<string>());
                Assert.True(secret is not null, "missing Secret " + reference["name"]);
                Assert.NotNull(secret!["data"]?[reference["key"]!.GetValue<string>()]);
            }
        }

        foreach (var volume in pod["volumes"]!.AsArray())
        {
            if (volume!["configMap"] is { } map)
            {
                Assert.NotNull(api.Get("", "v1", "configmaps", ns, map["name"]!.GetValue<string>()));
            }
        }

        var container = pod["containers"]![0]!;
        Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
        Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
        Assert.False(pod["automountServiceAccountToken"]!.GetValue<bool>());
    }
}

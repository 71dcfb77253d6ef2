using Addons.Kit.Testing;
using YamlDotNet.RepresentationModel;

namespace Addons.Cleaner.Tests.Charts;

public sealed class CleanerChartTests
{
    private const string Chart = "charts/cleaner";

    [Fact]
    public async Task Lint_Strict_Passes()
    {
        var (code, stdout, stderr) = await HelmCli.RunAsync("lint", "--strict", await HelmCli.PrepareAsync(Chart));

        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public async Task Template_Defaults_RendersHardenedDaemonSetWithoutApiAccess()
    {
        var daemonSet = await RenderDaemonSetAsync();
        var pod = daemonSet.Map("spec").Map("template").Map("spec");
        var container = (YamlMappingNode)pod.Seq("containers")[0];

        Assert.Equal("false", pod.Str("automountServiceAccountToken"));
        Assert.Equal("65532", pod.Map("securityContext").Str("runAsUser"));
        Assert.Equal("true", pod.Map("securityContext").Str("runAsNonRoot"));
        Assert.Equal("RuntimeDefault", pod.Map("securityContext").Map("seccompProfile").Str("type"));
        var security = container.Map("securityContext");
        Assert.Equal("true", security.Str("readOnlyRootFilesystem"));
        Assert.Equal("false", security.Str("allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], security.Map("capabilities").Seq("drop").Select(n => n.ToString()));
        Assert.Equal("/targets/runner-work", Env(container)["TARGET_PATHS"]);
        Assert.Equal("0", Env(container)["METRICS_PORT"]);
        Assert.False(container.Children.ContainsKey("livenessProbe"));
        var volume = (YamlMappingNode)pod.Seq("volumes")[0];
        Assert.Equal("/home/runner/_work", volume.Map("hostPath").Str("path"));
    }

    [Fact]
    public async Task Template_DocumentedValues_AreRenderedIntoTheDaemonSet()
    {
        var values = Path.Combine(Path.GetTempPath(), $"cleaner-values-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(values, """
            targets:
              - name: ci
                hostPath: /var/lib/ci
              - name: cache
                hostPath: /var/cache/build
                mountPath: /data/cache
            cleaner:
              usageThresholdPercent: 85
              checkIntervalMinutes: 5
              includePatterns: ["*.tmp", "*.{js,ts}"]
              excludePatterns: ["**/.git/**"]
              dryRun: true
              logLevel: debug
              strategy: oldest-first
              targetUsagePercent: 70
              minFileAge: 10m
              removeEmptyDirs: true
            runAsUser: 1001
            runAsGroup: 121
            nodeSelector:
              role: ci
            tolerations:
              - key: ci
                operator: Exists
            metrics:
              enabled: true
              port: 9102
              serviceMonitor:
                enabled: true
            """);
        (YamlMappingNode DaemonSet, List<YamlMappingNode> All) rendered;
        try
        {
            rendered = await RenderAsync("--values", values);
        }
        finally
        {
            File.Delete(values);
        }

        var (daemonSet, all) = rendered;
        var pod = daemonSet.Map("spec").Map("template").Map("spec");
        var container = (YamlMappingNode)pod.Seq("containers")[0];
        var env = Env(container);

        Assert.Equal("/targets/ci,/data/cache", env["TARGET_PATHS"]);
        Assert.Equal("85", env["USAGE_THRESHOLD_PERCENT"]);
        Assert.Equal("5", env["CHECK_INTERVAL_MINUTES"]);
        Assert.Equal("*.tmp,*.{js,ts}", env["INCLUDE_PATTERNS"]);
        Assert.Equal("**/.git/**", env["EXCLUDE_PATTERNS"]);
        Assert.Equal("true", env["DRY_RUN"]);
        Assert.Equal("debug", env["LOG_LEVEL"]);
        Assert.Equal("oldest-first", env["STRATEGY"]);
        Assert.Equal("70", env["TARGET_USAGE_PERCENT"]);
        Assert.Equal("10m", env["MIN_FILE_AGE"]);
        Assert.Equal("true", env["REMOVE_EMPTY_DIRS"]);
        Assert.Equal("9102", env["METRICS_PORT"]);
        Assert.Equal("1001", pod.Map("securityContext").Str("runAsUser"));
        Assert.Equal("121", pod.Map("securityContext").Str("runAsGroup"));
        Assert.Equal("ci", pod.Map("nodeSelector").Str("role"));
        Assert.Equal("ci", ((YamlMappingNode)pod.Seq("tolerations")[0]).Str("key"));
        Assert.Equal("/readyz", container.Map("readinessProbe").Map("httpGet").Str("path"));
        Assert.Equal(["/targets/ci", "/data/cache"], container.Seq("volumeMounts").Cast<YamlMappingNode>().Select(m => m.Str("mountPath")));
        Assert.Equal(["/var/lib/ci", "/var/cache/build"], pod.Seq("volumes").Cast<YamlMappingNode>().Select(v => v.Map("hostPath").Str("path")));
        Assert.Contains(all, d => d.Str("kind") == "ServiceMonitor");
        Assert.DoesNotContain(all, d => d.Str("kind") is "ServiceAccount" or "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding");
    }

    [Fact]
    public async Task Template_RenderedEnvironment_IsAcceptedByTheCleanersParser()
    {
        var daemonSet = await RenderDaemonSetAsync("--set", "cleaner.strategy=oldest-first", "--set", "cleaner.targetUsagePercent=60", "--set", "cleaner.minFileAge=1h");
        var env = Env((YamlMappingNode)daemonSet.Map("spec").Map("template").Map("spec").Seq("containers")[0]);

        var options = Addons.Cleaner.Configuration.CleanerSettings.Definition.Parse([], name => env.GetValueOrDefault(name)).Options;

        Assert.Equal(60, options.TargetUsagePercent);
        Assert.Equal(TimeSpan.FromHours(1), options.MinFileAge);
    }

    [Fact]
    public async Task Template_UnknownStrategy_Fails()
    {
        var (code, _, stderr) = await HelmCli.RunAsync("template", "t", await HelmCli.PrepareAsync(Chart), "--set", "cleaner.strategy=newest");

        Assert.NotEqual(0, code);
        Assert.Contains("cleaner.strategy", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "it is the host's root directory")]
    [InlineData("/etc/", "/etc and everything below it")]
    [InlineData("/usr/lib", "/usr and everything below it")]
    [InlineData("/var/lib/kubelet", "/var/lib/kubelet and everything below it")]
    [InlineData("/var/lib/kubelet/pods", "/var/lib/kubelet and everything below it")]
    [InlineData("/root", "/root and everything below it")]
    [InlineData("/lib64", "/lib64 and everything below it")]
    [InlineData("/sbin", "/sbin and everything below it")]
    [InlineData("/run/containerd", "/run and everything below it")]
    [InlineData("/home", "/home itself is refused")]
    [InlineData("/opt", "/opt itself is refused")]
    [InlineData("/proc/1/root", "/proc is a kernel pseudo filesystem")]
    public async Task Template_SystemHostPath_FailsAtRenderTime(string hostPath, string reason)
    {
        var (code, _, stderr) = await HelmCli.RunAsync("template", "t", await HelmCli.PrepareAsync(Chart), "--set", "targets[0].name=root", "--set", "targets[0].hostPath=" + hostPath);

        Assert.NotEqual(0, code);
        Assert.Contains($"targets[root].hostPath \"{hostPath}\" is refused: {reason}", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/home/runner/_work")]
    [InlineData("/var/lib/ci")]
    [InlineData("/opt/hostedtoolcache")]
    [InlineData("/tmp/build")]
    public async Task Template_OrdinaryHostPath_Renders(string hostPath)
    {
        var daemonSet = await RenderDaemonSetAsync("--set", "targets[0].name=t", "--set", "targets[0].hostPath=" + hostPath);

        var container = (YamlMappingNode)daemonSet.Map("spec").Map("template").Map("spec").Seq("containers")[0];
        Assert.False(Env(container).ContainsKey("ALLOW_SYSTEM_PATHS"));
    }

    [Fact]
    public async Task Template_AllowSystemPaths_RendersSystemHostPathButNeverTheRoot()
    {
        var daemonSet = await RenderDaemonSetAsync("--set", "targets[0].name=libs", "--set", "targets[0].hostPath=/usr/lib", "--set", "cleaner.allowSystemPaths=true");
        var (code, _, stderr) = await HelmCli.RunAsync("template", "t", await HelmCli.PrepareAsync(Chart), "--set", "targets[0].name=root", "--set", "targets[0].hostPath=/", "--set", "cleaner.allowSystemPaths=true");

        var container = (YamlMappingNode)daemonSet.Map("spec").Map("template").Map("spec").Seq("containers")[0];
        Assert.Equal("true", Env(container)["ALLOW_SYSTEM_PATHS"]);
        Assert.NotEqual(0, code);
        Assert.Contains("never accepted", stderr, StringComparison.Ordinal);
    }

    private static async Task<YamlMappingNode> RenderDaemonSetAsync(params string[] args) => (await RenderAsync(args)).DaemonSet;

    private static async Task<(YamlMappingNode DaemonSet, List<YamlMappingNode> All)> RenderAsync(params string[] args)
    {
        var (code, stdout, stderr) = await HelmCli.RunAsync(["template", "t", await HelmCli.PrepareAsync(Chart), .. args], null);
        Assert.True(code == 0, stderr);
        var stream = new YamlStream();
        stream.Load(new StringReader(stdout));
        var documents = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
        return (documents.Single(d => d.Str("kind") == "DaemonSet"), documents);
    }

    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        container.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Str("name"), e => e.Str("value"));
}

internal static class YamlExtensions
{
    public static YamlMappingNode Map(this YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static YamlSequenceNode Seq(this YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    public static string Str(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;
}

using Addons.Kit.Testing;

namespace Karc.Tests.Chart;

public class ChartTests
{
    private const string Chart = "charts/karc";

    [Fact]
    public async Task Lint_Strict_Passes()
    {
        var (code, stdout, stderr) = await HelmCli.RunAsync("lint", "--strict", await HelmCli.PrepareAsync(Chart));
        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public async Task Template_Defaults_TwoLeaderElectedHardenedReplicas()
    {
        var yaml = await HelmCli.TemplateAsync(Chart, "karc", "karc-system");

        Assert.Contains("kind: Deployment", yaml, StringComparison.Ordinal);
        Assert.Contains("replicas: 2", yaml, StringComparison.Ordinal);
        Assert.Contains("- --leader-elect=true", yaml, StringComparison.Ordinal);
        Assert.Contains("- --lease-namespace=karc-system", yaml, StringComparison.Ordinal);
        Assert.Contains("runAsNonRoot: true", yaml, StringComparison.Ordinal);
        Assert.Contains("readOnlyRootFilesystem: true", yaml, StringComparison.Ordinal);
        Assert.Contains("allowPrivilegeEscalation: false", yaml, StringComparison.Ordinal);
        Assert.Contains("- ALL", yaml, StringComparison.Ordinal);
        Assert.Contains("kind: PodDisruptionBudget", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: ServiceMonitor", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ServiceMonitorEnabled_Renders()
    {
        var yaml = await HelmCli.TemplateAsync(Chart, "karc", "karc-system", "--set", "metrics.serviceMonitor.enabled=true");
        Assert.Contains("kind: ServiceMonitor", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_IntoEmulator_CreatesEverything()
    {
        await using var cluster = await KarcCluster.StartAsync(freezes: false);

        var (code, stdout, stderr) = await HelmCli.RunAsync(
            "install", "karc", await HelmCli.PrepareAsync(Chart), "--namespace", "karc-system", "--create-namespace", "--kubeconfig", cluster.Kubeconfig, "--wait=false");

        Assert.True(code == 0, stdout + stderr);
        Assert.NotNull(cluster.Api.Get("apps", "v1", "deployments", "karc-system", "karc"));
        Assert.NotNull(cluster.Api.Get("apiextensions.k8s.io", "v1", "customresourcedefinitions", null, "consolidationfreezes.karc.io"));
        Assert.NotNull(cluster.Api.Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "karc"));
        Assert.NotNull(cluster.Api.Get("policy", "v1", "poddisruptionbudgets", "karc-system", "karc"));
        var sa = cluster.Api.Get("", "v1", "serviceaccounts", "karc-system", "karc");
        Assert.Equal("karc", sa?["metadata"]?["name"]?.GetValue<string>());
    }
}

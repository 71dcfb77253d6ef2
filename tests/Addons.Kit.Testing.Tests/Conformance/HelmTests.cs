using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>The real helm 4 (server-side apply by default) installs, upgrades and uninstalls a chart.</summary>
public sealed class HelmTests
{
    private static string Chart => Path.Combine(AppContext.BaseDirectory, "testassets", "demo-chart");

    private static async Task OkAsync(Kubectl tools, CancellationToken ct, params string[] args)
    {
        var result = await tools.HelmAsync(ct, args);
        Assert.True(result.ExitCode == 0, $"helm {string.Join(' ', args)} exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
    }

    [Fact]
    public async Task Install_CreatesEveryResourceAndReleaseSecret()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 90);
        using var tools = new Kubectl(e.Api);

        await OkAsync(tools, e.Ct, "install", "rel", Chart, "--namespace", "apps", "--create-namespace");

        Assert.NotNull(e.Api.Get("apps", "v1", "deployments", "apps", "rel"));
        Assert.NotNull(e.Api.Get("", "v1", "services", "apps", "rel"));
        Assert.Equal("hello", e.Api.Get("", "v1", "configmaps", "apps", "rel-config")!["data"]!["greeting"]!.ToString());
        Assert.NotNull(e.Api.Get("", "v1", "serviceaccounts", "apps", "rel"));
        Assert.NotNull(e.Api.Get("rbac.authorization.k8s.io", "v1", "roles", "apps", "rel"));
        Assert.NotNull(e.Api.Get("rbac.authorization.k8s.io", "v1", "rolebindings", "apps", "rel"));
        Assert.NotNull(e.Api.Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "rel-nodes"));
        Assert.NotNull(e.Api.Get("rbac.authorization.k8s.io", "v1", "clusterrolebindings", null, "rel-nodes"));
        Assert.NotNull(e.Api.Get("", "v1", "secrets", "apps", "sh.helm.release.v1.rel.v1"));
    }

    [Fact]
    public async Task Upgrade_ChangesValuesAndDropsRemovedFields()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 90);
        using var tools = new Kubectl(e.Api);
        await OkAsync(tools, e.Ct, "install", "rel", Chart, "--namespace", "apps", "--create-namespace", "--set", "extraLabel=x");

        await OkAsync(tools, e.Ct, "upgrade", "rel", Chart, "--namespace", "apps", "--set", "replicaCount=3", "--set", "greeting=bye");

        var deployment = e.Api.Get("apps", "v1", "deployments", "apps", "rel")!;
        var config = e.Api.Get("", "v1", "configmaps", "apps", "rel-config")!;
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal(2, deployment["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("bye", config["data"]!["greeting"]!.ToString());
        Assert.Null(config["metadata"]!["labels"]!["extra"]);
        Assert.NotNull(e.Api.Get("", "v1", "secrets", "apps", "sh.helm.release.v1.rel.v2"));
    }

    [Fact]
    public async Task Uninstall_RemovesEverything()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 90);
        using var tools = new Kubectl(e.Api);
        await OkAsync(tools, e.Ct, "install", "rel", Chart, "--namespace", "apps", "--create-namespace");

        await OkAsync(tools, e.Ct, "uninstall", "rel", "--namespace", "apps");

        Assert.Null(e.Api.Get("apps", "v1", "deployments", "apps", "rel"));
        Assert.Null(e.Api.Get("rbac.authorization.k8s.io", "v1", "clusterroles", null, "rel-nodes"));
        Assert.Empty(e.Api.List("", "v1", "secrets", "apps"));
    }

    [Fact]
    public async Task List_ShowsDeployedRelease()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 90);
        using var tools = new Kubectl(e.Api);
        await OkAsync(tools, e.Ct, "install", "rel", Chart, "--namespace", "apps", "--create-namespace");

        var list = await tools.HelmAsync(e.Ct, "list", "--namespace", "apps");

        Assert.Matches(@"rel\s+apps\s+1\s+.*deployed\s+demo-0\.1\.0", list.Stdout);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Emulator;
using Addons.Kit.Testing.Tests.Conformance;

namespace Addons.Kit.Testing.Tests.Emulator;

public sealed class RbacTests
{
    private const string Rbac = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: team}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: reader, namespace: team}
        rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list, watch]
        - apiGroups: [coordination.k8s.io]
          resources: [leases]
          resourceNames: [leader]
          verbs: [get, update]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: reader, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects: [{kind: ServiceAccount, name: app, namespace: team}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: nodepools}
        rules:
        - apiGroups: [karpenter.sh]
          resources: [nodepools]
          verbs: [get, list, watch]
        - apiGroups: [karpenter.sh]
          resources: [nodepools/status]
          verbs: [patch]
        - apiGroups: ["*"]
          resources: ["*/scale"]
          verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: nodepools}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: nodepools}
        subjects: [{kind: ServiceAccount, name: app, namespace: team}]
        """;

    private static async Task<(EmulatorClient E, HttpClient Sa)> StartAsync(bool https = false)
    {
        var e = await EmulatorClient.StartAsync(new EmulatorOptions { Https = https });
        await e.Api.ApplyYamlAsync(Rbac, e.Ct);
        e.Api.Rbac.Enabled = true;
        var token = e.Api.Rbac.IssueToken("team", "app");
        var sa = new HttpClient(e.Api.CreateHttpHandler()) { BaseAddress = new Uri(e.Api.BaseUrl) };
        sa.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (e, sa);
    }

    [Fact]
    public async Task RoleBinding_AllowsBoundVerbsInItsNamespaceOnly()
    {
        var (e, sa) = await StartAsync();
        await using var _ = e;
        using var __ = sa;

        using var list = await sa.GetAsync("/api/v1/namespaces/team/configmaps", e.Ct);
        using var otherNs = await sa.GetAsync("/api/v1/namespaces/default/configmaps", e.Ct);
        using var create = await sa.PostAsync("/api/v1/namespaces/team/configmaps", new StringContent(EmulatorClient.ConfigMap("x").ToJsonString()), e.Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherNs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Denial_Is403StatusNamingVerbResourceAndUser()
    {
        var (e, sa) = await StartAsync();
        await using var _ = e;
        using var __ = sa;

        using var response = await sa.DeleteAsync("/api/v1/namespaces/team/configmaps/x", e.Ct);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(e.Ct))!;

        Assert.Equal("Forbidden", status["reason"]!.ToString());
        Assert.Equal(
            "configmaps \"x\" is forbidden: User \"system:serviceaccount:team:app\" cannot delete resource \"configmaps\" in API group \"\" in the namespace \"team\"",
            status["message"]!.ToString());
    }

    [Fact]
    public async Task ResourceNamesSubresourcesAndWildcards_Evaluated()
    {
        var (e, sa) = await StartAsync();
        await using var _ = e;
        using var __ = sa;
        var rbac = e.Api.Rbac;

        Assert.True(rbac.IsAllowed("team", "app", "get", "coordination.k8s.io", "leases", "team", "leader"));
        Assert.False(rbac.IsAllowed("team", "app", "get", "coordination.k8s.io", "leases", "team", "other"));
        Assert.False(rbac.IsAllowed("team", "app", "list", "coordination.k8s.io", "leases", "team"));
        Assert.True(rbac.IsAllowed("team", "app", "patch", "karpenter.sh", "nodepools/status"));
        Assert.False(rbac.IsAllowed("team", "app", "patch", "karpenter.sh", "nodepools"));
        Assert.True(rbac.IsAllowed("team", "app", "update", "apps", "deployments/scale", "team", "web"));
        Assert.False(rbac.IsAllowed("team", "app", "update", "apps", "deployments", "team", "web"));
        Assert.False(rbac.IsAllowed("other", "app", "list", "", "configmaps", "team"));
    }

    [Fact]
    public async Task UsedBy_RecordsEachDistinctAccessWithOutcome()
    {
        var (e, sa) = await StartAsync();
        await using var _ = e;
        using var __ = sa;

        (await sa.GetAsync("/api/v1/namespaces/team/configmaps", e.Ct)).Dispose();
        (await sa.GetAsync("/api/v1/namespaces/team/configmaps", e.Ct)).Dispose();
        (await sa.GetAsync("/api/v1/nodes", e.Ct)).Dispose();

        var used = e.Api.Rbac.UsedBy("team", "app").Select(r => r.ToString()).ToList();
        Assert.Equal(["list configmaps in team", "list nodes (denied)"], used);
    }

    [Fact]
    public async Task Https_ServesWithGeneratedCa()
    {
        var (e, sa) = await StartAsync(https: true);
        await using var _ = e;
        using var __ = sa;

        using var response = await sa.GetAsync("/api/v1/namespaces/team/configmaps", e.Ct);

        Assert.StartsWith("https://127.0.0.1:", e.Api.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("certificate-authority-data:", e.Api.KubeconfigText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_AllowsEverythingButStillRecords()
    {
        await using var e = await EmulatorClient.StartAsync();
        var token = e.Api.Rbac.IssueToken("team", "app");
        using var sa = new HttpClient { BaseAddress = new Uri(e.Api.BaseUrl) };
        sa.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await sa.GetAsync("/api/v1/nodes", e.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([new AccessRecord("list", "", "nodes", null, true)], e.Api.Rbac.UsedBy("team", "app"));
    }

    [Fact]
    public async Task UnknownToken_WhenEnabled_Is401()
    {
        var (e, sa) = await StartAsync();
        await using var _ = e;
        sa.Dispose();
        using var stranger = new HttpClient { BaseAddress = new Uri(e.Api.BaseUrl) };
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        using var response = await stranger.GetAsync("/api/v1/namespaces/team/configmaps", e.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Kubectl_WithServiceAccountTokenOverHttps_IsAuthorizedAndCanI()
    {
        // client-go only sends bearer tokens over TLS, hence the HTTPS mode.
        var (e, sa) = await StartAsync(https: true);
        await using var _ = e;
        sa.Dispose();
        using var kubectl = new Kubectl(e.Api, e.Api.Rbac.IssueToken("team", "app"));

        var allowed = await kubectl.RunAsync(e.Ct, "get", "configmaps", "-n", "team");
        var denied = await kubectl.RunAsync(e.Ct, "get", "secrets", "-n", "team");
        var canI = await kubectl.RunAsync(e.Ct, "auth", "can-i", "update", "deployments.apps", "--subresource=scale", "-n", "team");
        var cannot = await kubectl.RunAsync(e.Ct, "auth", "can-i", "delete", "configmaps", "-n", "team");

        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        Assert.Contains("cannot list resource \"secrets\" in API group \"\" in the namespace \"team\"", denied.Stderr, StringComparison.Ordinal);
        Assert.True(canI.Stdout.Trim() == "yes", canI.Stdout + canI.Stderr);
        Assert.Equal("no", cannot.Stdout.Trim());
    }
}

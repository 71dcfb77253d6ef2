using Addons.Kit.Testing.Emulator;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>The admin bearer token and the pluggable authenticator, as kubectl meets them.</summary>
public sealed class KubectlAuthenticationTests
{
    [Fact]
    public async Task AdminToken_KubeconfigWithIt_WorksAndWithoutIt_Unauthorized()
    {
        await using var e = await EmulatorClient.StartAsync(new EmulatorOptions { Https = true, AdminToken = "sandbox-secret" }, timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        using var stranger = new Kubectl(e.Api, token: "wrong");

        Assert.Contains("default", await kubectl.OkAsync(e.Ct, "get", "namespaces"), StringComparison.Ordinal);
        var refused = await stranger.RunAsync(e.Ct, "get", "namespaces");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("You must be logged in to the server", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalTokens_WithAdminToken_ResolvesItsTokensForRbac()
    {
        var options = new EmulatorOptions { Https = true, AdminToken = "admin" };
        await using var e = await EmulatorClient.StartAsync(options, timeoutSeconds: 60);
        e.Api.Rbac.Enabled = true;
        e.Api.Rbac.ExternalTokens = (token, _) => Task.FromResult(token.StartsWith("k8s-aws-v1.", StringComparison.Ordinal)
            ? new Addons.Kit.Testing.Emulator.AuthenticatedUser(token["k8s-aws-v1.".Length..], ["ops"]) : null);
        await e.Api.ApplyYamlAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: ops-view}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view-ns}
            subjects: [{kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: view-ns}
            rules: [{apiGroups: [""], resources: [namespaces], verbs: [get, list]}]
            """, e.Ct);
        using var alice = new Kubectl(e.Api, token: "k8s-aws-v1.alice");

        Assert.Contains("kube-system", await alice.OkAsync(e.Ct, "get", "namespaces"), StringComparison.Ordinal);
        var denied = await alice.RunAsync(e.Ct, "get", "configmaps");
        Assert.Contains("User \"alice\" cannot list resource \"configmaps\"", denied.Stderr, StringComparison.Ordinal);
        Assert.Contains(e.Api.Rbac.UsedBy("alice"), r => r.Resource == "namespaces");
    }
}

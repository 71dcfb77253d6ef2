using System.Net;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>CRD openAPIV3Schema enforcement (validation, defaulting, pruning) as the real kubectl reports it.</summary>
public sealed class KubectlSchemaTests
{
    private const string UpgradeCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: eksupgrades.kuo.io}
        spec:
          group: kuo.io
          scope: Cluster
          names: {plural: eksupgrades, singular: eksupgrade, kind: EKSUpgrade}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [clusterName, targetVersion]
                    properties:
                      clusterName: {type: string, minLength: 1}
                      targetVersion: {type: string, pattern: '^\d+\.\d+$'}
                      timeoutMinutes: {type: integer, minimum: 1, maximum: 1440, default: 60}
                      mode: {type: string, enum: [Plan, Apply], default: Plan}
                      maxUnavailable: {x-kubernetes-int-or-string: true}
                      addons:
                        type: array
                        items:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string}
                            version: {type: string, default: latest}
                      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  status:
                    type: object
                    properties:
                      phase: {type: string}
        """;

    [Fact]
    public async Task Apply_PatternMismatch_FailsNamingTheFieldLikeARealServer()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);

        var result = await kubectl.RunWithInputAsync(Upgrade("targetVersion: \"1.x\""), e.Ct, "apply", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("""The EKSUpgrade "x" is invalid: spec.targetVersion: Invalid value: "1.x": spec.targetVersion in body should match '^\d+\.\d+$'""", result.Stderr, StringComparison.Ordinal);
        Assert.Null(e.Api.Get("kuo.io", "v1alpha1", "eksupgrades", null, "x"));
    }

    [Fact]
    public async Task Apply_SeveralViolations_ListsEveryField()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);

        var result = await kubectl.RunWithInputAsync("""
            apiVersion: kuo.io/v1alpha1
            kind: EKSUpgrade
            metadata: {name: x}
            spec: {targetVersion: "1.33", timeoutMinutes: -5, mode: Yolo, maxUnavailable: true, addons: [{version: "1"}]}
            """, e.Ct, "apply", "-f", "-");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The EKSUpgrade \"x\" is invalid:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.clusterName: Required value", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.timeoutMinutes: Invalid value: -5: spec.timeoutMinutes in body should be greater than or equal to 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.mode: Unsupported value: \"Yolo\": supported values: \"Plan\", \"Apply\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.maxUnavailable: Invalid value: \"boolean\": spec.maxUnavailable in body must be of type integer,string: \"boolean\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* spec.addons[0].name: Required value", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Invalid_Returns422StatusWithCauses()
    {
        await using var e = await StartAsync();
        var body = JsonNode.Parse("""{"apiVersion":"kuo.io/v1alpha1","kind":"EKSUpgrade","metadata":{"name":"x"},"spec":{"clusterName":"c","targetVersion":"1.x","timeoutMinutes":"ten"}}""")!;

        var (status, error) = await e.PostAsync("/apis/kuo.io/v1alpha1/eksupgrades", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Invalid", error!["reason"]!.ToString());
        Assert.Equal(
            """EKSUpgrade.kuo.io "x" is invalid: [spec.targetVersion: Invalid value: "1.x": spec.targetVersion in body should match '^\d+\.\d+$', spec.timeoutMinutes: Invalid value: "string": spec.timeoutMinutes in body must be of type integer: "string"]""",
            error["message"]!.ToString());
        Assert.Equal("EKSUpgrade", error["details"]!["kind"]!.ToString());
        Assert.Equal("kuo.io", error["details"]!["group"]!.ToString());
        var causes = error["details"]!["causes"]!.AsArray();
        Assert.Equal(["spec.targetVersion", "spec.timeoutMinutes"], causes.Select(c => c!["field"]!.ToString()));
        Assert.Equal(["FieldValueInvalid", "FieldValueTypeInvalid"], causes.Select(c => c!["reason"]!.ToString()));
    }

    [Fact]
    public async Task Apply_Valid_DefaultsMissingFieldsOnCreateAndUpdate()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);

        await kubectl.OkAsync(e.Ct, "create", "-f", await WriteAsync(kubectl, Upgrade("targetVersion: \"1.33\"\n  addons: [{name: vpc-cni}]")));
        var created = e.Api.Get("kuo.io", "v1alpha1", "eksupgrades", null, "x")!;
        Assert.Equal("60", created["spec"]!["timeoutMinutes"]!.ToJsonString());
        Assert.Equal("Plan", created["spec"]!["mode"]!.ToString());
        Assert.Equal("latest", created["spec"]!["addons"]![0]!["version"]!.ToString());

        await kubectl.OkAsync(e.Ct, "patch", "eksupgrade", "x", "--type=json", "-p", """[{"op":"remove","path":"/spec/mode"}]""");
        Assert.Equal("Plan", e.Api.Get("kuo.io", "v1alpha1", "eksupgrades", null, "x")!["spec"]!["mode"]!.ToString());
    }

    [Fact]
    public async Task Apply_UnknownField_StrictFailsAndUnvalidatedIsPruned()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);
        var yaml = Upgrade("targetVersion: \"1.33\"\n  bogus: 1\n  extra: {anything: [1]}");

        var strict = await kubectl.RunWithInputAsync(yaml, e.Ct, "apply", "-f", "-");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("strict decoding error: unknown field \"spec.bogus\"", strict.Stderr, StringComparison.Ordinal);

        var loose = await kubectl.RunWithInputAsync(yaml, e.Ct, "apply", "--validate=false", "-f", "-");
        Assert.True(loose.ExitCode == 0, loose.Stderr);
        var stored = e.Api.Get("kuo.io", "v1alpha1", "eksupgrades", null, "x")!;
        Assert.Null(stored["spec"]!["bogus"]);
        Assert.Equal("1", stored["spec"]!["extra"]!["anything"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task PatchStatus_Invalid_Rejected()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);
        await kubectl.OkAsync(e.Ct, "create", "-f", await WriteAsync(kubectl, Upgrade("targetVersion: \"1.33\"")));

        var result = await kubectl.RunAsync(e.Ct, "patch", "eksupgrade", "x", "--subresource=status", "--type=merge", "-p", """{"status":{"phase":7}}""");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("status.phase: Invalid value: \"integer\": status.phase in body must be of type string: \"integer\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_SeededInvalidAndUnknownFieldsUntouched_AcceptedAndKept()
    {
        await using var e = await StartAsync();
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(Upgrade("targetVersion: \"1.x\"\n  legacy: yes"), e.Ct);

        await kubectl.OkAsync(e.Ct, "label", "eksupgrade", "x", "team=platform");
        var changed = await kubectl.RunAsync(e.Ct, "patch", "eksupgrade", "x", "--type=merge", "-p", """{"spec":{"clusterName":""}}""");

        var stored = e.Api.Get("kuo.io", "v1alpha1", "eksupgrades", null, "x")!;
        Assert.Equal("platform", stored["metadata"]!["labels"]!["team"]!.ToString());
        Assert.Equal("yes", stored["spec"]!["legacy"]!.ToString());
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("spec.clusterName: Invalid value: \"\": spec.clusterName in body should be at least 1 chars long", changed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("spec.targetVersion", changed.Stderr, StringComparison.Ordinal);
    }

    private static string Upgrade(string specTail) => $"""
        apiVersion: kuo.io/v1alpha1
        kind: EKSUpgrade
        metadata: {"{"}name: x{"}"}
        spec:
          clusterName: prod
          {specTail}
        """;

    private static async Task<string> WriteAsync(Kubectl kubectl, string yaml)
    {
        var path = Path.Combine(kubectl.Directory, Guid.NewGuid().ToString("N") + ".yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    private static async Task<EmulatorClient> StartAsync()
    {
        var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        await e.Api.ApplyYamlAsync(UpgradeCrd, e.Ct);
        return e;
    }
}

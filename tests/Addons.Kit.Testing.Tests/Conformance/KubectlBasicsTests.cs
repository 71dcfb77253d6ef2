using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>The real kubectl 1.35 against the emulator: create, apply, get, delete.</summary>
public sealed class KubectlBasicsTests
{
    private const string ConfigMapYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: demo
          labels: {app: demo}
        data:
          a: "1"
        """;

    [Fact]
    public async Task CreateFromFile_ThenGet_ShowsObject()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        var created = await kubectl.RunWithInputAsync(ConfigMapYaml, e.Ct, "create", "-f", "-");
        var table = await kubectl.OkAsync(e.Ct, "get", "configmaps");

        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Matches(@"NAME\s+DATA\s+AGE", table);
        Assert.Matches(@"demo\s+1\s+\d+s", table);
    }

    [Fact]
    public async Task CreateConfigMapCommand_TypedProtobufClient_Stored()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        await kubectl.OkAsync(e.Ct, "create", "configmap", "typed", "--from-literal=key=value");

        Assert.Equal("value", e.Api.Get("", "v1", "configmaps", "default", "typed")!["data"]!["key"]!.ToString());
    }

    [Fact]
    public async Task CreateJobFromCronJob_TypedProtobufClient_EmbeddedStructsInlinedAndPointerFalseKept()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await kubectl.RunWithInputAsync(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      automountServiceAccountToken: false
                      imagePullSecrets: [{name: registry}]
                      containers:
                        - name: scan
                          image: busybox
                          env:
                            - name: TOKEN
                              valueFrom: {secretKeyRef: {name: creds, key: token}}
                          securityContext: {allowPrivilegeEscalation: false}
                          livenessProbe: {exec: {command: ["true"]}, periodSeconds: 30}
                          volumeMounts: [{name: config, mountPath: /config}]
                      volumes:
                        - name: config
                          configMap: {name: settings}
            """, e.Ct, "apply", "-f", "-");

        // kubectl's typed client sends the Job as protobuf.
        await kubectl.OkAsync(e.Ct, "create", "job", "nightly-now", "--from=cronjob/nightly");

        var pod = e.Api.Get("batch", "v1", "jobs", "default", "nightly-now")!["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;
        Assert.Equal("creds", container["env"]![0]!["valueFrom"]!["secretKeyRef"]!["name"]!.ToString());
        Assert.Equal("settings", pod["volumes"]![0]!["configMap"]!["name"]!.ToString());
        Assert.Equal("registry", pod["imagePullSecrets"]![0]!["name"]!.ToString());
        Assert.Equal("true", container["livenessProbe"]!["exec"]!["command"]![0]!.ToString());
        Assert.False(pod["automountServiceAccountToken"]!.GetValue<bool>());
        Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
        Assert.Null(pod["volumes"]![0]!["volumeSource"]);
        Assert.Null(container["env"]![0]!["valueFrom"]!["secretKeyRef"]!["localObjectReference"]);
    }

    [Fact]
    public async Task Apply_TwiceWithChange_ConfiguresThenUnchanged()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        var first = await kubectl.RunWithInputAsync(ConfigMapYaml, e.Ct, "apply", "-f", "-");
        var second = await kubectl.RunWithInputAsync(ConfigMapYaml.Replace("\"1\"", "\"2\"", StringComparison.Ordinal), e.Ct, "apply", "-f", "-");
        var third = await kubectl.RunWithInputAsync(ConfigMapYaml.Replace("\"1\"", "\"2\"", StringComparison.Ordinal), e.Ct, "apply", "-f", "-");

        Assert.Contains("configmap/demo created", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("configmap/demo configured", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("configmap/demo unchanged", third.Stdout, StringComparison.Ordinal);
        Assert.Equal("2", e.Api.Get("", "v1", "configmaps", "default", "demo")!["data"]!["a"]!.ToString());
    }

    [Fact]
    public async Task Delete_RemovesObject()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(ConfigMapYaml, e.Ct);

        var output = await kubectl.OkAsync(e.Ct, "delete", "configmap", "demo");

        Assert.Contains("deleted", output, StringComparison.Ordinal);
        Assert.Null(e.Api.Get("", "v1", "configmaps", "default", "demo"));
    }

    [Fact]
    public async Task Get_Missing_ReportsNotFound()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);

        var result = await kubectl.RunAsync(e.Ct, "get", "configmap", "ghost");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("configmaps \"ghost\" not found", result.Stderr, StringComparison.Ordinal);
    }
}

using Addons.Kit.Kubernetes.Config;
using Microsoft.Extensions.Time.Testing;

namespace Addons.Kit.Tests.Kubernetes;

public sealed class ExecCredentialsTests
{
    [Fact]
    public async Task GetAuthorization_ExecPlugin_CachesUntilExpiration()
    {
        using var dir = new TempDir();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var counter = Path.Combine(dir.Path, "runs");
        // The plugin counts its runs and checks it received KUBERNETES_EXEC_INFO and its own env.
        var plugin = dir.Write("bin/plugin.sh", $$$"""
            #!/bin/sh
            echo x >> "{{{counter}}}"
            n=$(wc -l < "{{{counter}}}" | tr -d ' ')
            case "$KUBERNETES_EXEC_INFO" in *ExecCredential*) ;; *) exit 3 ;; esac
            echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"$GREETING-$n\",\"expirationTimestamp\":\"2030-01-01T00:10:00Z\"}}"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var file = dir.Write("config", """
            current-context: x
            clusters:
            - name: c
              cluster: {server: "https://x"}
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/plugin.sh
                  env: [{name: GREETING, value: tok}]
            contexts:
            - name: x
              context: {cluster: c, user: u}
            """);
        var env = new KubeEnvironment(_ => null, "/nonexistent", null);
        var conn = KubeConnection.Load(file, null, env, time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var first = await conn.Credentials.GetAuthorizationAsync(cts.Token);
        var cached = await conn.Credentials.GetAuthorizationAsync(cts.Token);
        time.Advance(TimeSpan.FromMinutes(11));
        var refreshed = await conn.Credentials.GetAuthorizationAsync(cts.Token);

        Assert.Equal("Bearer tok-1", first!.ToString());
        Assert.Equal("Bearer tok-1", cached!.ToString());
        Assert.Equal("Bearer tok-2", refreshed!.ToString());
    }

    [Fact]
    public async Task GetAuthorization_PluginFails_ErrorNamesKubeconfigAndExitCode()
    {
        using var dir = new TempDir();
        var file = dir.Write("config", """
            current-context: x
            clusters:
            - name: c
              cluster: {server: "https://x"}
            users:
            - name: u
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: ["-c", "echo denied >&2; exit 7"]}
            contexts:
            - name: x
              context: {cluster: c, user: u}
            """);
        var conn = KubeConnection.Load(file, null, new KubeEnvironment(_ => null, "/nonexistent", null), TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<KubeCredentialException>(async () => await conn.Credentials.GetAuthorizationAsync(cts.Token));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 7: denied", e.Message, StringComparison.Ordinal);
    }
}

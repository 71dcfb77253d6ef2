using System.Diagnostics;
using System.Text.RegularExpressions;
using Addons.Kit.Testing.Tests.Emulator;

namespace Addons.Kit.Testing.Tests.Conformance;

/// <summary>kubectl get -w and kubectl wait: long-running clients that must see later changes.</summary>
public sealed class KubectlWatchTests
{
    /// <summary>Reads lines from a running process until one matches, or the test's timeout fires.</summary>
    private static async Task<string> ReadUntilAsync(Process process, string pattern, CancellationToken ct)
    {
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            seen.AppendLine(line);
            if (Regex.IsMatch(line, pattern))
            {
                return line;
            }
        }

        throw new Xunit.Sdk.XunitException($"stream ended before a line matched {pattern}; saw:\n{seen}\nstderr: {await process.StandardError.ReadToEndAsync(ct)}");
    }

    [Fact]
    public async Task GetWatch_SeesLaterCreateAndUpdate()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n", e.Ct);
        using var watch = kubectl.Start("get", "configmaps", "-w");
        try
        {
            await ReadUntilAsync(watch, @"^first\s+0\s+", e.Ct);
            await e.Api.WaitForOpenWatchesAsync(1, e.Ct);

            await kubectl.OkAsync(e.Ct, "create", "configmap", "second", "--from-literal=a=b");
            await ReadUntilAsync(watch, @"^second\s+1\s+", e.Ct);
            await kubectl.OkAsync(e.Ct, "patch", "configmap", "second", "--type=merge", "-p", """{"data":{"c":"d"}}""");
            var updated = await ReadUntilAsync(watch, @"^second\s+2\s+", e.Ct);

            Assert.Matches(@"^second\s+2\s+\d+s", updated);
        }
        finally
        {
            watch.Kill();
        }
    }

    [Fact]
    public async Task Wait_ForCondition_ReturnsWhenStatusChanges()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync(TestYaml.WidgetCrd + "\n---\n" + TestYaml.Widget, e.Ct);

        var wait = kubectl.RunAsync(e.Ct, "wait", "--for=condition=Ready", "widget/w1", "--timeout=30s");
        await Task.WhenAny(e.Api.WaitForOpenWatchesAsync(1, e.Ct), wait);

        await kubectl.OkAsync(e.Ct, "patch", "widget", "w1", "--subresource=status", "--type=merge", "-p", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""");
        var result = await wait;

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("condition met", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_ForDelete_ReturnsWhenFinalizerReleased()
    {
        await using var e = await EmulatorClient.StartAsync(timeoutSeconds: 60);
        using var kubectl = new Kubectl(e.Api);
        await e.Api.ApplyYamlAsync("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: held, finalizers: [example.com/x]}\n", e.Ct);
        await kubectl.OkAsync(e.Ct, "delete", "configmap", "held", "--wait=false");

        var wait = kubectl.RunAsync(e.Ct, "wait", "--for=delete", "configmap/held", "--timeout=30s");
        await Task.WhenAny(e.Api.WaitForOpenWatchesAsync(1, e.Ct), wait);

        await kubectl.OkAsync(e.Ct, "patch", "configmap", "held", "--type=merge", "-p", """{"metadata":{"finalizers":null}}""");
        var result = await wait;

        Assert.True(result.ExitCode == 0, result.Stderr);
    }
}

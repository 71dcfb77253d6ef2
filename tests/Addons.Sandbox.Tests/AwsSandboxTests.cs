using System.Diagnostics;
using Addons.Kit.Testing.Emulator;

namespace Addons.Sandbox.Tests;

/// <summary>The sandbox's EKS/STS emulator: every command the banner prints runs as printed with the real AWS CLI v2.</summary>
public sealed class AwsSandboxTests
{
    [Fact(Timeout = 180_000)]
    public async Task Commands_RunAsPrintedWithTheAwsCli_AllSucceed()
    {
        await using var api = await KubeApiEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var sandbox = await AwsSandbox.StartAsync(api, 0, CancellationToken.None);
        var home = Directory.CreateTempSubdirectory("aws-sandbox-home-").FullName;
        try
        {
            foreach (var command in sandbox.Commands())
            {
                var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(command);
                foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
                {
                    start.Environment.Remove(key);
                }

                // The Debian AWS CLI v2 first on PATH; a fresh HOME so no user config or credentials apply.
                start.Environment["PATH"] = "/usr/bin:" + start.Environment["PATH"];
                start.Environment["HOME"] = home;
                start.Environment["AWS_PAGER"] = "";
                using var process = Process.Start(start)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();

                Assert.True(process.ExitCode == 0, $"`{command}` exited {process.ExitCode}: {await stderr}");
                Assert.NotEmpty(await stdout);
            }

            Assert.Equal(sandbox.Commands().Count, sandbox.Aws.Requests.Count(r => r.Status == 200));
            Assert.Equal("1.30", sandbox.Aws.Clusters[AwsSandbox.ClusterName].Version);
            Assert.Equal(api.BaseUrl, sandbox.Aws.Clusters[AwsSandbox.ClusterName].Endpoint);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}

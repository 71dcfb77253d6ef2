using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Addons.Footprint;

/// <summary>Publishes an addon as NativeAOT and as a framework-dependent JIT build of the same code.</summary>
internal static partial class Publisher
{
    /// <summary>The runtime identifier of this machine (linux-x64 or linux-arm64).</summary>
    public static string Rid => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    /// <summary>Publishes <paramref name="spec"/> in <paramref name="mode"/> under the scratch folder; throws with the build log on failure or on any warning.</summary>
    public static async Task<PublishResult> PublishAsync(string root, AddonSpec spec, BuildMode mode, CancellationToken ct)
    {
        return await PublishAsync(root, spec, mode, reuse: false, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="PublishAsync(string, AddonSpec, BuildMode, CancellationToken)"/>; with <paramref name="reuse"/>, an AOT
    /// binary that .ci/publish-aot left in artifacts/publish/&lt;name&gt;/&lt;rid&gt; (the name registered in addons/addons.json) is used as is (it was
    /// published with the same command and checked for warnings there).
    /// </summary>
    public static async Task<PublishResult> PublishAsync(string root, AddonSpec spec, BuildMode mode, bool reuse, CancellationToken ct)
    {
        var published = Path.Combine(root, "artifacts", "publish", spec.Name, Rid);
        if (reuse && mode == BuildMode.Aot && File.Exists(Path.Combine(published, spec.Binary)))
        {
            return new PublishResult(mode, published, Path.Combine(published, spec.Binary), new FileInfo(Path.Combine(published, spec.Binary)).Length);
        }

        var output = Path.Combine(RepoPaths.Scratch(root), spec.Name, mode == BuildMode.Aot ? "aot" : "jit");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        List<string> args = ["publish", spec.Project, "-c", "Release", "-r", Rid, "-o", output, "--nologo"];
        if (mode == BuildMode.Jit)
        {
            args.AddRange(["--self-contained", "false", "-p:PublishAot=false"]);
        }

        var result = await CommandRunner.RunAsync("dotnet", args, root, TimeSpan.FromMinutes(15), ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var errors = result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
            throw new InvalidOperationException($"dotnet publish ({mode}) of {spec.Project} failed:\n{(errors.Count > 0 ? string.Join('\n', errors) : Tail(result.Output))}");
        }

        var warnings = WarningLine().Matches(result.Output).Select(m => m.Value).Where(w => !w.Contains("NU1603", StringComparison.Ordinal)).Distinct().ToList();
        if (warnings.Count > 0)
        {
            throw new InvalidOperationException($"dotnet publish ({mode}) of {spec.Project} has warnings:\n{string.Join('\n', warnings)}");
        }

        var exe = Path.Combine(output, spec.Binary);
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"dotnet publish ({mode}) produced no {exe}");
        }

        var bytes = mode == BuildMode.Aot
            ? new FileInfo(exe).Length
            : new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Extension != ".pdb").Sum(f => f.Length);
        return new PublishResult(mode, output, exe, bytes);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    [GeneratedRegex(@"[^\r\n]*: warning [A-Z]+[0-9]+[^\r\n]*")]
    private static partial Regex WarningLine();
}

using System.Globalization;

namespace Addons.Footprint;

/// <summary>Builds an addon's OCI image with deploy/build-image (umoci), validated by skopeo and checked by chroot.</summary>
internal static class ImageBuilder
{
    /// <summary>Builds the image of <paramref name="build"/>; the JIT image carries the shared runtime as its own layer.</summary>
    public static async Task<ImageResult> BuildAsync(string root, AddonSpec spec, PublishResult build, CancellationToken ct)
    {
        var layout = Path.Combine(RepoPaths.Scratch(root), "oci");
        var tag = $"{spec.Name}-{(build.Mode == BuildMode.Aot ? "aot" : "jit")}";
        List<string> args =
        [
            Path.Combine(root, "deploy", "build-image"),
            "--publish", build.Directory, "--binary", spec.Binary, "--layout", layout, "--tag", tag, "--check",
        ];
        if (build.Mode == BuildMode.Jit)
        {
            args.AddRange(["--framework", DotnetRoot()]);
        }

        var result = await CommandRunner.RunAsync("bash", args, root, TimeSpan.FromMinutes(5), ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/build-image failed for {tag}:\n{result.Output}");
        }

        var layers = new List<ImageLayer>();
        var version = new List<string>();
        var afterCheck = false;
        foreach (var line in result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts is ["layer", _, var role, var size, var digest])
            {
                layers.Add(new ImageLayer(role, long.Parse(size, CultureInfo.InvariantCulture), digest));
            }
            else if (line.StartsWith("build-image: check:", StringComparison.Ordinal))
            {
                afterCheck = true;
            }
            else if (line.StartsWith("build-image:", StringComparison.Ordinal))
            {
                afterCheck = false;
            }
            else if (afterCheck)
            {
                version.Add(line);
            }
        }

        if (layers.Count == 0)
        {
            throw new InvalidOperationException($"deploy/build-image reported no layers for {tag}:\n{result.Output}");
        }

        return new ImageResult($"oci:{layout}:{tag}", layers, string.Join(' ', version));
    }

    /// <summary>The folder of the dotnet host running the JIT builds (DOTNET_ROOT, else the resolved <c>dotnet</c> on PATH).</summary>
    public static string DotnetRoot()
    {
        var env = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "dotnet")))
        {
            return env;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                return Path.GetDirectoryName(target)!;
            }
        }

        throw new InvalidOperationException("dotnet not found on PATH and DOTNET_ROOT not set");
    }
}
